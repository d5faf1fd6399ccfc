using System.Net;
using System.Net.Http.Json;
using Platform.Awards.Nominating;
using Platform.Awards.Results;
using Platform.Contracts.Awards;

namespace Platform.Awards.Tests;

/// <summary>Staff confirm a shortlist once judging is over; finalists' nominators and contactable nominees are told through Notifications.</summary>
public sealed class ShortlistTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_shortlist_waits_for_judging_to_close_takes_only_judged_nominees_and_is_confirmed_once()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f);
        var (sam, _, _) = await TestAwards.EligibleAsync(f, s, "Sam Hero", contact: "sam@example.org");
        var second = await TestAwards.NominateAsync(f.CreateClient(), s, TestAwards.Nomination(s.CategoryId, "Sam Hero", nominatorEmail: "bo@example.org"));
        await f.CreateStaffClient().PostAsJsonAsync($"/api/awards/nominations/{second.Nomination.Id}/screening", new { outcome = "Eligible" });
        var unscreened = await TestAwards.NominateAsync(f.CreateClient(), s, TestAwards.Nomination(s.CategoryId, "Kit Helper"));
        var staff = f.CreateStaffClient();
        var path = $"/api/awards/categories/{s.CategoryId}/shortlist";

        // The nominator's proposed address is used once staff confirm it.
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/api/awards/nominees/{sam}/contact", new { contactEmail = "sam@example.org" })).StatusCode);

        var early = await staff.PostAsJsonAsync(path, new { nomineeIds = new[] { sam } });
        Assert.Equal("judging-open", (await early.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        f.Time.Advance(s.JudgingCloses - f.Time.GetUtcNow());

        var kit = (await f.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Nominations, n => n.Id == unscreened.Nomination.Id))).NomineeId;
        var notJudged = await staff.PostAsJsonAsync(path, new { nomineeIds = new[] { sam, kit } });
        Assert.True((await notJudged.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("nomineeIds", out _));

        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync(path, new { nomineeIds = new[] { sam } })).StatusCode);
        var again = await staff.PostAsJsonAsync(path, new { nomineeIds = new[] { sam } });
        Assert.Equal("shortlist-confirmed", (await again.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        var told = await f.PublishedAsync<FinalistsConfirmed>(m => m.CategoryId == s.CategoryId);
        var finalist = Assert.Single(told.Finalists);
        Assert.Equal(("Sam Hero", "sam@example.org"), (finalist.NomineeName, finalist.NomineeContactEmail));
        Assert.Equal(["bo@example.org", "nina@example.org"], finalist.Nominators.Select(n => n.Email).Order());
        Assert.Equal(s.CeremonyAt, told.CeremonyAt);

        // Screening is frozen under a confirmed shortlist, so the ranking cannot shift beneath it.
        var late = await staff.PostAsJsonAsync($"/api/awards/nominations/{unscreened.Nomination.Id}/screening", new { outcome = "Eligible" });
        Assert.Equal("shortlist-confirmed", (await late.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        var winner = await staff.PostAsJsonAsync($"/api/awards/categories/{s.CategoryId}/winner", new { nomineeId = kit });
        Assert.True((await winner.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("nomineeId", out _));
    }
}
