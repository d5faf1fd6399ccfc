using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Programmes;
using Platform.Contracts.Events;

namespace Platform.Awards.Tests;

/// <summary>The ceremony comes from Awards' read model of the Events service's integration events and follows them.</summary>
public sealed class CeremonyTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_programme_needs_a_published_event_awards_has_heard_of_and_windows_in_order()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var now = f.Time.GetUtcNow();

        var response = await f.CreateStaffClient().PostAsJsonAsync("/api/awards/programmes", new
        {
            year = 2031, title = "Awards", nominationsOpen = now, nominationsClose = now.AddDays(2), judgingOpens = now.AddDays(1),
            judgingCloses = now.AddDays(3), ceremonyEventId = Guid.CreateVersion7(),
        });
        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("judgingOpens", out _));

        response = await f.CreateStaffClient().PostAsJsonAsync("/api/awards/programmes", new
        {
            year = 2031, title = "Awards", nominationsOpen = now, nominationsClose = now.AddDays(1), judgingOpens = now.AddDays(1),
            judgingCloses = now.AddDays(3), ceremonyEventId = Guid.CreateVersion7(),
        });
        Assert.True((await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("ceremonyEventId", out _));
        Assert.Equal(0, await f.WithDbAsync(db => db.Programmes.CountAsync()));
    }

    [Fact]
    public async Task The_ceremony_time_follows_the_event_and_the_embargo_lifts_at_the_new_time_only()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var x = await EmbargoTests.ShortlistAsync(f);
        await TestAwards.PostAsync<Results.WinnerView>(f.CreateStaffClient(), $"/api/awards/categories/{x.Scenario.CategoryId}/winner", new { nomineeId = x.Sam });
        var moved = x.Scenario.CeremonyAt.AddDays(2);

        var change = new PartnershipEventChanged(x.Scenario.EventId, "Partnership Conference (moved)", "Town Hall", moved, moved.AddHours(8))
        { OccurredAt = f.Time.GetUtcNow() };
        await f.DeliverAsync(change, db => db.CeremonyEvents.AnyAsync(e => e.Id == x.Scenario.EventId && e.StartsAt == moved));
        // A change that happened earlier but arrived later must not undo the newer one.
        var stale = new PartnershipEventChanged(x.Scenario.EventId, "Stale", "Old Hall", x.Scenario.CeremonyAt, x.Scenario.CeremonyAt.AddHours(8))
        { OccurredAt = change.OccurredAt.AddMinutes(-5) };
        await f.DeliverAndWaitAsync(stale);

        var programme = await f.CreateClient().GetFromJsonAsync<ProgrammeView>($"/api/awards/programmes/{x.Scenario.ProgrammeId}", Json.Options);
        Assert.Equal((moved, "Town Hall"), (programme!.Ceremony!.StartsAt, programme.Ceremony.VenueName));

        f.Time.Advance(x.Scenario.CeremonyAt - f.Time.GetUtcNow() + TimeSpan.FromHours(1));
        Assert.Equal(0, await f.SweepAsync());
        f.Time.Advance(moved - f.Time.GetUtcNow());
        Assert.Equal(1, await f.SweepAsync());
    }

    [Fact]
    public async Task A_cancelled_ceremony_never_lifts_the_embargo_by_itself()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var x = await EmbargoTests.ShortlistAsync(f);
        await TestAwards.PostAsync<Results.WinnerView>(f.CreateStaffClient(), $"/api/awards/categories/{x.Scenario.CategoryId}/winner", new { nomineeId = x.Sam });

        await f.DeliverAsync(new PartnershipEventCancelled(x.Scenario.EventId, "Partnership Conference", x.Scenario.CeremonyAt, []) { OccurredAt = f.Time.GetUtcNow() },
            db => db.CeremonyEvents.AnyAsync(e => e.Id == x.Scenario.EventId && e.Cancelled));
        f.Time.Advance(TimeSpan.FromDays(30));

        Assert.Equal(0, await f.SweepAsync());
    }
}
