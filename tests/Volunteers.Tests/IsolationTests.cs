using Platform.ServiceDefaults.Paging;
using Platform.Volunteers.Infrastructure;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Volunteers.Applications;
using Platform.Volunteers.Hours;

namespace Platform.Volunteers.Tests;

/// <summary>One organisation can never read or change another's roles, applications or volunteers: to it they do not exist.</summary>
public sealed class IsolationTests(PostgresServer postgres) : VolunteersTest(postgres)
{
    [Fact]
    public async Task Another_organisation_gets_404_for_every_record_and_changes_nothing()
    {
        var (owner, role, volunteer, token) = await World.VolunteerAsync();
        var pending = await World.ApplyAsync(role.Id, World.Applicant(2));
        var logged = await Factory.CreateClient().PostAsJsonAsync($"/api/volunteers/volunteering/{token}/hours",
            new HoursRequest(volunteer.StartedOn, 2, "Speed check"), Json.Options);
        var hours = await logged.ReadAsync<HoursView>();
        var other = await World.OrganisationAsync();

        var reads = new[]
        {
            $"/api/volunteers/organisation/roles/{role.Id}",
            $"/api/volunteers/organisation/applications/{pending.Id}",
            $"/api/volunteers/organisation/volunteers/{volunteer.Id}",
        };
        foreach (var path in reads) Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync(path)).StatusCode);

        var writes = new (string Path, object Body)[]
        {
            ($"/api/volunteers/organisation/roles/{role.Id}/close", new { }),
            ($"/api/volunteers/organisation/applications/{pending.Id}/stage", new StageChangeRequest(ApplicationStage.Screening, null)),
            ($"/api/volunteers/organisation/volunteers/{volunteer.Id}/hours", new HoursRequest(volunteer.StartedOn, 1, null)),
            ($"/api/volunteers/organisation/hours/{hours.Id}/approve", new { }),
            ($"/api/volunteers/organisation/volunteers/{volunteer.Id}/leave", new { reason = "Moved" }),
            ($"/api/volunteers/organisation/volunteers/{volunteer.Id}/credentials", new { kind = "Qualification", title = "First aid" }),
        };
        foreach (var (path, body) in writes)
            Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsJsonAsync(path, body, Json.Options)).StatusCode);

        Assert.Empty((await other.Client.GetFromJsonAsync<Paged<ApplicationView>>("/api/volunteers/organisation/applications", Json.Options))!.Items);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.Credentials.CountAsync()));
        Assert.Equal(HoursStatus.Pending, await Factory.WithDbAsync(db => db.Hours.Where(h => h.Id == hours.Id).Select(h => h.Status).FirstAsync()));
        Assert.Equal(ApplicationStage.Applied, await Factory.WithDbAsync(db => db.Applications.Where(a => a.Id == pending.Id).Select(a => a.Stage).FirstAsync()));
        Assert.Equal(Roles.RoleStatus.Open, await Factory.WithDbAsync(db => db.Roles.Where(r => r.Id == role.Id).Select(r => r.Status).FirstAsync()));
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/api/volunteers/organisation/volunteers/{volunteer.Id}")).StatusCode);
    }
}
