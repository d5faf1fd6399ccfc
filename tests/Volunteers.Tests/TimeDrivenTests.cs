using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Volunteers;
using Platform.ServiceDefaults.Paging;
using Platform.Volunteers.Credentials;
using Platform.Volunteers.Roles;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Tests;

/// <summary>Lapse detection, expiry reminders, closing dates and tenure milestones, with the clock moved by hand.</summary>
public sealed class TimeDrivenTests(PostgresServer postgres) : VolunteersTest(postgres)
{
    [Fact]
    public async Task A_volunteer_idle_past_the_lapse_period_is_flagged_and_re_engaged_once_within_the_cool_off()
    {
        var (org, _, volunteer, _) = await World.VolunteerAsync();
        Factory.Time.Advance(TimeSpan.FromDays(44));
        Assert.Equal(0, (await Factory.SweepAsync()).AtRisk);
        Assert.Empty((await org.Client.GetFromJsonAsync<Paged<AtRiskView>>("/api/volunteers/organisation/volunteers/at-risk", Json.Options))!.Items);

        Factory.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, (await Factory.SweepAsync()).AtRisk);
        Assert.Equal(0, (await Factory.SweepAsync()).AtRisk);
        Factory.Time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, (await Factory.SweepAsync()).AtRisk);

        var atRisk = Assert.Single((await org.Client.GetFromJsonAsync<Paged<AtRiskView>>("/api/volunteers/organisation/volunteers/at-risk", Json.Options))!.Items);
        Assert.Equal(volunteer.Id, atRisk.Id);
        Assert.Contains("No activity logged for 46 days", atRisk.Reasons.Single());
        var message = await Factory.PublishedAsync<VolunteerAtRisk>(e => e.VolunteerId == volunteer.Id);
        Assert.Equal(volunteer.Email, message.Email);
        await Task.Delay(1500);
        Assert.Single(Factory.Published<VolunteerAtRisk>(e => e.VolunteerId == volunteer.Id));

        // After the cool-off, a volunteer still idle is reached again.
        Factory.Time.Advance(TimeSpan.FromDays(61));
        Assert.Equal(1, (await Factory.SweepAsync()).AtRisk);
    }

    [Fact]
    public async Task Two_sweeps_at_the_same_moment_re_engage_a_volunteer_once()
    {
        var org = await World.OrganisationAsync();
        var role = await World.OpenRoleAsync(org, World.Role(places: 10));
        var volunteers = new List<VolunteerView>();
        for (var i = 0; i < 4; i++) volunteers.Add((await World.VolunteerAsync(org, role)).Volunteer);
        Factory.Time.Advance(TimeSpan.FromDays(46));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Factory.SweepAsync()));

        Assert.Equal(4, results.Sum(r => r.AtRisk));
        await Task.Delay(1500);
        foreach (var v in volunteers) Assert.Single(Factory.Published<VolunteerAtRisk>(e => e.VolunteerId == v.Id));
    }

    [Fact]
    public async Task Falling_satisfaction_flags_a_volunteer_and_activity_clears_the_flag()
    {
        var (org, _, volunteer, token) = await World.VolunteerAsync();
        var client = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/volunteers/volunteering/{token}/check-ins", new Retention.CheckInRequest(5, "Love it"), Json.Options)).StatusCode);
        Factory.Time.Advance(TimeSpan.FromDays(10));
        Assert.Equal(0, (await Factory.SweepAsync()).AtRisk);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync($"/api/volunteers/volunteering/{token}/check-ins", new Retention.CheckInRequest(3, "<b>Less fun</b>"), Json.Options)).StatusCode);
        var bad = await client.PostAsJsonAsync($"/api/volunteers/volunteering/{token}/check-ins", new Retention.CheckInRequest(6, null), Json.Options);
        Assert.Equal(["score"], (await bad.ReadAsync<HttpValidationProblemDetails>()).Errors.Keys);

        Assert.Equal(1, (await Factory.SweepAsync()).AtRisk);
        var flagged = await org.Client.GetFromJsonAsync<VolunteerView>($"/api/volunteers/organisation/volunteers/{volunteer.Id}", Json.Options);
        Assert.True(flagged!.AtRisk);
        Assert.Equal(["Satisfaction fell from 5/5 to 3/5."], flagged.AtRiskReasons);

        await client.PostAsJsonAsync($"/api/volunteers/volunteering/{token}/hours", new Hours.HoursRequest(DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime), 2, null), Json.Options);
        var cleared = await org.Client.GetFromJsonAsync<VolunteerView>($"/api/volunteers/organisation/volunteers/{volunteer.Id}", Json.Options);
        Assert.False(cleared!.AtRisk);
    }

    [Fact]
    public async Task A_check_about_to_lapse_is_reminded_once_per_expiry_date()
    {
        var (org, _, volunteer, _) = await World.VolunteerAsync();
        var today = volunteer.StartedOn;
        var created = await org.Client.PostAsJsonAsync($"/api/volunteers/organisation/volunteers/{volunteer.Id}/credentials",
            new CredentialRequest(CredentialKind.BackgroundCheck, "Enhanced DBS", today.AddYears(-3), today.AddDays(40)), Json.Options);
        var credential = await created.ReadAsync<CredentialView>();

        Assert.Equal(0, (await Factory.SweepAsync()).ExpiryReminders);
        Factory.Time.Advance(TimeSpan.FromDays(11));
        Assert.Equal(1, (await Factory.SweepAsync()).ExpiryReminders);
        Assert.Equal(0, (await Factory.SweepAsync()).ExpiryReminders);
        var reminder = await Factory.PublishedAsync<CheckExpiring>(e => e.CredentialId == credential.Id);
        Assert.Equal(today.AddDays(40), reminder.ExpiresOn);
        Assert.Equal("coordinator@example.org", reminder.OrganisationContactEmail);

        var renewed = await org.Client.PutAsJsonAsync($"/api/volunteers/organisation/volunteers/{volunteer.Id}/credentials/{credential.Id}",
            new CredentialRequest(null, null, null, today.AddDays(60)), Json.Options);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.Equal(0, (await Factory.SweepAsync()).ExpiryReminders);
        Factory.Time.Advance(TimeSpan.FromDays(20));
        Assert.Equal(1, (await Factory.SweepAsync()).ExpiryReminders);
    }

    [Fact]
    public async Task A_role_past_its_closing_date_closes_once_and_takes_no_more_applications()
    {
        var org = await World.OrganisationAsync();
        var today = DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime);
        var role = await World.OpenRoleAsync(org, World.Role(closesOn: today.AddDays(1)));
        await World.ApplyAsync(role.Id);

        Factory.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await Factory.SweepAsync()).RolesClosed);
        Factory.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, (await Factory.SweepAsync()).RolesClosed);
        Assert.Equal(0, (await Factory.SweepAsync()).RolesClosed);

        var closed = await Factory.PublishedAsync<RoleClosed>(e => e.RoleId == role.Id);
        Assert.Equal("ClosingDate", closed.Reason);
        Assert.Equal(RoleStatus.Closed, await Factory.WithDbAsync(db => db.Roles.Where(r => r.Id == role.Id).Select(r => r.Status).FirstAsync()));
        var late = await Factory.CreateClient().PostAsJsonAsync($"/api/volunteers/roles/{role.Id}/applications", World.Applicant(2), Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task Six_months_and_a_year_of_service_are_milestones_reached_once()
    {
        var (_, _, volunteer, _) = await World.VolunteerAsync();
        Factory.Time.Advance(TimeSpan.FromDays(185));
        Assert.Equal(1, (await Factory.SweepAsync()).Milestones);
        Assert.Equal(0, (await Factory.SweepAsync()).Milestones);
        Factory.Time.Advance(TimeSpan.FromDays(185));
        Assert.Equal(1, (await Factory.SweepAsync()).Milestones);
        var kinds = await Factory.WithDbAsync(db => db.Milestones.Where(m => m.VolunteerId == volunteer.Id).Select(m => m.Kind).ToListAsync());
        Assert.Equal([Retention.MilestoneKind.Months6, Retention.MilestoneKind.Year1], kinds.Order());
    }

    [Fact]
    public async Task A_check_in_is_asked_each_interval_through_a_single_use_link()
    {
        var (org, _, volunteer, _) = await World.VolunteerAsync();
        Factory.Time.Advance(TimeSpan.FromDays(89));
        Assert.Equal(0, (await Factory.SweepAsync()).CheckIns);
        Factory.Time.Advance(TimeSpan.FromDays(2));
        var passes = await Task.WhenAll(Factory.SweepAsync(), Factory.SweepAsync());
        Assert.Equal(1, passes.Sum(p => p.CheckIns));
        Assert.Equal(0, (await Factory.SweepAsync()).CheckIns);

        var due = await Factory.PublishedAsync<CheckInDue>(e => e.VolunteerId == volunteer.Id);
        var client = Factory.CreateClient();
        var question = await client.GetFromJsonAsync<Retention.CheckInQuestion>($"/api/volunteers/check-ins/{due.CheckInToken}", Json.Options);
        Assert.False(question!.Answered);
        var invalid = await client.PostAsJsonAsync($"/api/volunteers/check-ins/{due.CheckInToken}", new Retention.CheckInRequest(0, null), Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var answered = await client.PostAsJsonAsync($"/api/volunteers/check-ins/{due.CheckInToken}", new Retention.CheckInRequest(2, "Too few sessions"), Json.Options);
        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        var again = await client.PostAsJsonAsync($"/api/volunteers/check-ins/{due.CheckInToken}", new Retention.CheckInRequest(5, null), Json.Options);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal([2], await Factory.WithDbAsync(db => db.CheckIns.Where(c => c.VolunteerId == volunteer.Id).Select(c => c.Score).ToListAsync()));

        // The low score is a reason to reach out; the answer itself was activity, so lapse is not.
        await Factory.SweepAsync();
        var view = await org.Client.GetFromJsonAsync<VolunteerView>($"/api/volunteers/organisation/volunteers/{volunteer.Id}", Json.Options);
        Assert.Equal(["Satisfaction 2/5 at the last check-in."], view!.AtRiskReasons);

        Factory.Time.Advance(TimeSpan.FromDays(31));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/volunteers/check-ins/{due.CheckInToken}")).StatusCode);
        Factory.Time.Advance(TimeSpan.FromDays(60));
        Assert.Equal(1, (await Factory.SweepAsync()).CheckIns);
    }
}
