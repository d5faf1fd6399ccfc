using System.Net;
using System.Net.Http.Json;
using Platform.Contracts.Volunteers;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Tests;

/// <summary>The volunteer's own link expires, is renewed (and the old one retired) with each check-in, and once they leave shows only that.</summary>
public sealed class VolunteerLinkTests(PostgresServer postgres) : VolunteersTest(postgres)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<HttpResponseMessage> OpenAsync(string token) => Factory.CreateClient().GetAsync($"/api/volunteers/volunteering/{token}", Cancel);

    [Fact]
    public async Task A_link_stops_working_120_days_after_it_was_sent()
    {
        var (_, _, _, token) = await World.VolunteerAsync();
        Factory.Time.Advance(TimeSpan.FromDays(119));
        Assert.Equal(HttpStatusCode.OK, (await OpenAsync(token)).StatusCode);
        Factory.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.NotFound, (await OpenAsync(token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.CreateClient().PostAsJsonAsync($"/api/volunteers/volunteering/{token}/hours",
            new Hours.HoursRequest(DateOnly.FromDateTime(Factory.Time.GetUtcNow().UtcDateTime), 2, null), Json.Options, Cancel)).StatusCode);
    }

    [Fact]
    public async Task Each_check_in_invitation_carries_a_fresh_link_and_retires_the_old_one()
    {
        var (_, _, volunteer, old) = await World.VolunteerAsync();
        Factory.Time.Advance(TimeSpan.FromDays(91));
        await Factory.SweepAsync();

        var invitation = await Factory.PublishedAsync<CheckInDue>(e => e.VolunteerId == volunteer.Id);
        Assert.NotNull(invitation.VolunteerToken);
        Assert.NotEqual(old, invitation.VolunteerToken);
        Assert.Equal(Factory.Time.GetUtcNow().AddDays(120), invitation.VolunteerLinkExpiresAt);
        Assert.Equal(HttpStatusCode.NotFound, (await OpenAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await OpenAsync(invitation.VolunteerToken!)).StatusCode);

        // Renewed with every invitation, so an active volunteer's link never lapses.
        Factory.Time.Advance(TimeSpan.FromDays(100));
        Assert.Equal(HttpStatusCode.OK, (await OpenAsync(invitation.VolunteerToken!)).StatusCode);
    }

    [Fact]
    public async Task A_volunteer_who_lost_their_link_gets_a_fresh_one_by_address_at_most_once_per_interval()
    {
        var (_, _, volunteer, old) = await World.VolunteerAsync();
        var client = Factory.CreateClient();
        Task<HttpResponseMessage> AskAsync(string? email) =>
            client.PostAsJsonAsync("/api/volunteers/volunteering/link-requests", new FreshLinkRequest(email), Json.Options, Cancel);

        Assert.Equal(HttpStatusCode.Accepted, (await AskAsync($"  {volunteer.Email.ToUpperInvariant()} ")).StatusCode);
        var renewed = await Factory.PublishedAsync<VolunteerLinkRenewed>(e => e.VolunteerId == volunteer.Id);
        Assert.Equal((volunteer.Email, Factory.Time.GetUtcNow().AddDays(120)), (renewed.Email, renewed.LinkExpiresAt));
        Assert.Equal(HttpStatusCode.NotFound, (await OpenAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await OpenAsync(renewed.VolunteerToken)).StatusCode);

        // The same answer for an address nobody volunteers with, and for a repeat within the interval, which changes nothing.
        Assert.Equal(HttpStatusCode.Accepted, (await AskAsync("nobody@example.org")).StatusCode);
        Factory.Time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.Accepted, (await AskAsync(volunteer.Email)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel); // the relay polls every second
        Assert.Single(Factory.Published<VolunteerLinkRenewed>(_ => true));
        Assert.Equal(HttpStatusCode.OK, (await OpenAsync(renewed.VolunteerToken)).StatusCode);

        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Accepted, (await AskAsync(volunteer.Email)).StatusCode);
        var again = await Factory.PublishedAsync<VolunteerLinkRenewed>(e => e.VolunteerToken != renewed.VolunteerToken);
        Assert.Equal(HttpStatusCode.OK, (await OpenAsync(again.VolunteerToken)).StatusCode);

        Assert.Equal(HttpStatusCode.BadRequest, (await AskAsync("not an address")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await AskAsync(null)).StatusCode);
    }

    [Fact]
    public async Task A_volunteer_who_has_left_gets_no_fresh_link()
    {
        var (_, _, volunteer, token) = await World.VolunteerAsync();
        var client = Factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync($"/api/volunteers/volunteering/{token}/leave",
            new LeaveRequest(ExitReason.Moved, null), Json.Options, Cancel)).StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/volunteers/volunteering/link-requests",
            new FreshLinkRequest(volunteer.Email), Json.Options, Cancel)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        Assert.Empty(Factory.Published<VolunteerLinkRenewed>(_ => true));
        Assert.Equal(HttpStatusCode.OK, (await OpenAsync(token)).StatusCode);
    }

    [Fact]
    public async Task After_leaving_the_link_shows_only_that_the_volunteer_has_left()
    {
        var (_, _, _, token) = await World.VolunteerAsync();
        var client = Factory.CreateClient();
        var left = await client.PostAsJsonAsync($"/api/volunteers/volunteering/{token}/leave",
            new LeaveRequest(ExitReason.Work, "My manager does not know I am leaving."), Json.Options, Cancel);
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);

        foreach (var response in new[] { left, await OpenAsync(token) })
        {
            var raw = await response.Content.ReadAsStringAsync(Cancel);
            var view = System.Text.Json.JsonSerializer.Deserialize<VolunteerView>(raw, Json.Options)!;
            Assert.Equal(VolunteerStatus.Left, view.Status);
            Assert.NotNull(view.LeftAt);
            Assert.Equal(("", null, "", null, null), (view.Email, view.Phone, view.District, view.ExitReason, view.ExitSurvey));
            Assert.Empty(view.Skills);
            Assert.DoesNotContain("@", raw);
            Assert.DoesNotContain("manager", raw);
        }
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync($"/api/volunteers/volunteering/{token}/hours", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync($"/api/volunteers/volunteering/{token}/matches", Cancel)).StatusCode);
    }
}
