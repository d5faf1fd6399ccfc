using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Suggestions;
using Platform.Contracts.Volunteers;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;

namespace Platform.Awards.Tests;

/// <summary>Volunteers' milestones reach staff as possible nominees, never as nominations.</summary>
public sealed class SuggestionTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_milestone_is_a_suggestion_for_staff_once_and_never_a_nomination()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var volunteer = Guid.CreateVersion7();
        var reached = new MilestoneReached(volunteer, Guid.CreateVersion7(), "Northside Street Watch", Guid.CreateVersion7(), "Street patroller",
            "Community safety", "Northside", "Val Volunteer", "val@example.org", "Hours250", "250 hours of street patrols.", 250m, f.Time.GetUtcNow());

        await f.DeliverAsync(reached, db => db.Suggestions.AnyAsync(s => s.VolunteerId == volunteer));
        // The same milestone again (a replay: a new message id, so the inbox would not catch it).
        var again = reached with { EventId = Guid.CreateVersion7() };
        await f.DeliverAndWaitAsync(again);

        var suggestions = (await f.CreateStaffClient().GetFromJsonAsync<Paged<SuggestionView>>("/api/awards/suggestions", Json.Options))!.Items;
        var suggestion = Assert.Single(suggestions!);
        Assert.Equal(("Val Volunteer", "Hours250", "Northside"), (suggestion.VolunteerName, suggestion.Milestone, suggestion.District));
        Assert.Equal(0, await f.WithDbAsync(db => db.Nominations.CountAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await f.CreateClientAs(PlatformClaims.Roles.Partner, scopes: ["awards:read"], subject: "apikey:1").GetAsync("/api/awards/suggestions")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await f.CreateClient().GetAsync("/api/awards/suggestions")).StatusCode);
    }

    [Fact]
    public async Task Since_may_name_any_offset_and_means_the_same_instant()
    {
        // The hardening fuzz (issue 15): "since" with an offset other than UTC reached PostgreSQL as it came, and Npgsql
        // writes only UTC instants to timestamptz: a 500.
        await using var f = await AwardsFactory.StartAsync(postgres);
        var volunteer = Guid.CreateVersion7();
        var at = new DateTimeOffset(2030, 6, 1, 10, 0, 0, TimeSpan.Zero);
        await f.DeliverAsync(new MilestoneReached(volunteer, Guid.CreateVersion7(), "Northside Street Watch", Guid.CreateVersion7(), "Street patroller",
            "Community safety", "Northside", "Val Volunteer", "val@example.org", "Hours250", "250 hours of street patrols.", 250m, at),
            db => db.Suggestions.AnyAsync(s => s.VolunteerId == volunteer));
        var staff = f.CreateStaffClient();

        // 10:30+01:00 is 09:30 UTC, before the milestone; 11:30+01:00 is 10:30 UTC, after it.
        using var before = await staff.GetAsync("/api/awards/suggestions?since=2030-06-01T10:30:00%2B01:00");
        using var after = await staff.GetAsync("/api/awards/suggestions?since=2030-06-01T11:30:00%2B01:00");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Single((await before.Content.ReadFromJsonAsync<Paged<SuggestionView>>(Json.Options))!.Items!);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Empty((await after.Content.ReadFromJsonAsync<Paged<SuggestionView>>(Json.Options))!.Items!);
    }
}
