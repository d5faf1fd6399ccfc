using System.Net;
using System.Net.Http.Json;
using Platform.ServiceDefaults.Paging;
using Platform.Volunteers.Hours;
using Platform.Volunteers.Oversight;
using Platform.Volunteers.Roles;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Tests;

public sealed class OversightTests(PostgresServer postgres) : VolunteersTest(postgres)
{
    [Fact]
    public async Task Staff_see_roles_volunteers_hours_by_category_and_who_is_drifting_across_every_organisation()
    {
        var (roadOrg, _, stays, _) = await World.VolunteerAsync();
        var victimOrg = await World.OrganisationAsync(name: "Victim Support North");
        var victimRole = await World.OpenRoleAsync(victimOrg, World.Role("Victim supporter", category: RoleCategory.VictimSupport));
        var (_, _, leaver, leaverToken) = await World.VolunteerAsync(victimOrg, victimRole);

        var organisationLogged = await roadOrg.Client.PostAsJsonAsync($"/api/volunteers/organisation/volunteers/{stays.Id}/hours",
            new HoursRequest(stays.StartedOn, 3.5m, "Speedwatch"), Json.Options);
        Assert.Equal(HttpStatusCode.Created, organisationLogged.StatusCode);
        var left = await Factory.CreateClient().PostAsJsonAsync($"/api/volunteers/volunteering/{leaverToken}/leave",
            new LeaveRequest(ExitReason.Work, "New job, <i>long hours</i>."), Json.Options);
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        // The link shows only that they left; the survey is the organisation's to read.
        Assert.Null((await left.ReadAsync<VolunteerView>()).ExitSurvey);
        Assert.Equal("New job, <i>long hours</i>.", (await victimOrg.Client.GetFromJsonAsync<VolunteerView>(
            $"/api/volunteers/organisation/volunteers/{leaver.Id}", Json.Options))!.ExitSurvey);
        Assert.Equal(HttpStatusCode.Conflict, (await Factory.CreateClient().PostAsJsonAsync($"/api/volunteers/volunteering/{leaverToken}/leave",
            new LeaveRequest(ExitReason.Work, null), Json.Options)).StatusCode);
        Factory.Time.Advance(TimeSpan.FromDays(50));
        await Factory.SweepAsync();

        var staff = Factory.CreateStaffClient();
        var overview = (await staff.GetFromJsonAsync<Overview>("/api/volunteers/staff/overview", Json.Options))!;
        Assert.Equal(2, overview.Organisations[Organisations.OrganisationStatus.Approved]);
        Assert.Equal(2, overview.Roles[RoleStatus.Open]);
        Assert.Equal((1, 0, 1), (overview.Volunteers[VolunteerStatus.Active], overview.Volunteers[VolunteerStatus.Paused], overview.Volunteers[VolunteerStatus.Left]));
        Assert.Equal(1, overview.AtRisk);
        var road = overview.ByCategory.Single(c => c.Category == RoleCategory.RoadSafety);
        Assert.Equal((1, 3.5m), (road.Volunteers, road.ApprovedHours));
        var victim = overview.ByCategory.Single(c => c.Category == RoleCategory.VictimSupport);
        Assert.Equal((0, 0m), (victim.Volunteers, victim.ApprovedHours));

        var atRisk = Assert.Single((await staff.GetFromJsonAsync<Paged<StaffAtRiskView>>("/api/volunteers/staff/volunteers/at-risk", Json.Options))!.Items);
        Assert.Equal((stays.Id, roadOrg.Id), (atRisk.Id, atRisk.OrganisationId));
        Assert.NotEqual(leaver.Id, atRisk.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await roadOrg.Client.GetAsync("/api/volunteers/staff/overview")).StatusCode);
    }
}
