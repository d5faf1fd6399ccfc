using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Judging;
using Platform.Awards.Results;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;

namespace Platform.Awards.Tests;

/// <summary>Judging: the window, the rubric, conflicts of interest, blind mode, one scorecard each, progress, and the ranking.</summary>
public sealed class JudgingTests(PostgresServer postgres)
{
    private static void OpenJudging(AwardsFactory f, TestAwards.Scenario s) => f.Time.Advance(s.JudgingOpens - f.Time.GetUtcNow() + TimeSpan.FromMinutes(1));

    [Fact]
    public async Task Scores_outside_1_to_5_or_for_a_criterion_not_in_the_rubric_are_refused_by_field_and_nothing_is_stored()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f);
        var (sam, _, _) = await TestAwards.EligibleAsync(f, s, "Sam Hero");
        var judge = await TestAwards.JudgeAsync(f, s, "judge-a");
        OpenJudging(f, s);

        var response = await judge.PostAsJsonAsync($"/api/awards/judging/nominees/{sam}/scores",
            new { scores = new Dictionary<string, int> { ["impact"] = 6, ["courage"] = 0, ["charisma"] = 5 } });

        var errors = (await response.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal(["scores.charisma", "scores.courage", "scores.impact"], errors.EnumerateObject().Select(p => p.Name).Order());
        var missing = await judge.PostAsJsonAsync($"/api/awards/judging/nominees/{sam}/scores", new { scores = new Dictionary<string, int> { ["impact"] = 4 } });
        Assert.True((await missing.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("scores.courage", out _));
        Assert.Equal(0, await f.WithDbAsync(db => db.Scorecards.CountAsync()));
    }

    [Fact]
    public async Task A_judge_scores_only_within_the_window()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f);
        var (sam, _, _) = await TestAwards.EligibleAsync(f, s, "Sam Hero");
        var judge = await TestAwards.JudgeAsync(f, s, "judge-a");
        var slow = await TestAwards.JudgeAsync(f, s, "judge-b");

        var early = await TestAwards.ScoreAsync(judge, sam, 4, 4);
        Assert.Equal("judging-window", (await early.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());

        OpenJudging(f, s);
        Assert.Equal(HttpStatusCode.Created, (await TestAwards.ScoreAsync(judge, sam, 4, 4)).StatusCode);

        f.Time.Advance(TimeSpan.FromDays(1));
        var late = await TestAwards.ScoreAsync(slow, sam, 4, 4);
        Assert.Equal("judging-window", (await late.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(4m, await f.WithDbAsync(db => db.Scorecards.Select(c => c.WeightedScore).SingleAsync()));
    }

    [Fact]
    public async Task A_judge_scores_a_nominee_only_once()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f);
        var (sam, _, _) = await TestAwards.EligibleAsync(f, s, "Sam Hero");
        var judge = await TestAwards.JudgeAsync(f, s, "judge-a");
        OpenJudging(f, s);

        Assert.Equal(HttpStatusCode.Created, (await TestAwards.ScoreAsync(judge, sam, 4, 4)).StatusCode);
        var twice = await TestAwards.ScoreAsync(judge, sam, 5, 5);
        Assert.Equal("already-scored", (await twice.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(4m, await f.WithDbAsync(db => db.Scorecards.Select(c => c.WeightedScore).SingleAsync()));
    }

    [Fact]
    public async Task A_conflicted_judge_is_never_shown_the_nominee_cannot_score_them_and_is_not_counted()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f);
        var (sam, _, _) = await TestAwards.EligibleAsync(f, s, "Sam Hero");
        var (kit, _, _) = await TestAwards.EligibleAsync(f, s, "Kit Helper");
        var judge = await TestAwards.JudgeAsync(f, s, "judge-a");
        var outsider = f.CreateClientAs(PlatformClaims.Roles.Organisation, subject: "not-on-panel");
        OpenJudging(f, s);

        Assert.Equal(HttpStatusCode.Created, (await TestAwards.ScoreAsync(judge, sam, 1, 1)).StatusCode);
        var declared = await judge.PostAsJsonAsync($"/api/awards/judging/nominees/{sam}/conflict", new { reason = "My neighbour." });
        Assert.Equal(HttpStatusCode.Created, declared.StatusCode);

        var shown = (await judge.GetFromJsonAsync<Paged<JudgeNomineeView>>($"/api/awards/judging/categories/{s.CategoryId}/nominees", Json.Options))!.Items;
        Assert.Equal([kit], shown!.Select(n => n.NomineeId));
        var scoring = await TestAwards.ScoreAsync(judge, sam, 5, 5);
        Assert.Equal("conflict-of-interest", (await scoring.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/awards/judging/categories/{s.CategoryId}/nominees")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await TestAwards.ScoreAsync(outsider, kit, 5, 5)).StatusCode);

        var ranking = (await f.CreateStaffClient().GetFromJsonAsync<Paged<RankedNominee>>($"/api/awards/categories/{s.CategoryId}/ranking", Json.Options))!.Items;
        var samRow = ranking!.Single(r => r.NomineeId == sam);
        Assert.Equal((null, 0, 1), (samRow.MeanScore, samRow.JudgesCounted, samRow.ScoresExcludedForConflict));
        var progress = (await f.CreateStaffClient().GetFromJsonAsync<Paged<JudgeProgress>>($"/api/awards/categories/{s.CategoryId}/progress", Json.Options))!.Items;
        var row = Assert.Single(progress!);
        Assert.Equal((0, 1, 1), (row.Scored, row.Conflicted, row.Pending));
    }

    [Fact]
    public async Task Blind_judging_hides_the_nominee_and_nominator_but_keeps_every_citation()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f, blind: true);
        await TestAwards.EligibleAsync(f, s, "Sam Hero");
        // A second nominator of the same person: judged once, with both citations.
        var second = await TestAwards.NominateAsync(f.CreateClient(), s, TestAwards.Nomination(s.CategoryId, "Sam Hero", citation: "Ran the street watch."));
        await f.CreateStaffClient().PostAsJsonAsync($"/api/awards/nominations/{second.Nomination.Id}/screening", new { outcome = "Eligible" });
        var judge = await TestAwards.JudgeAsync(f, s, "judge-a", PlatformClaims.Roles.Staff);

        var raw = await judge.GetStringAsync($"/api/awards/judging/categories/{s.CategoryId}/nominees");
        var nominee = Assert.Single(System.Text.Json.JsonSerializer.Deserialize<Paged<JudgeNomineeView>>(raw, Json.Options)!.Items);

        Assert.Equal("Nominee 1", nominee.Label);
        Assert.DoesNotContain("Sam Hero", raw);
        Assert.DoesNotContain("Nina", raw);
        Assert.DoesNotContain("Northside", raw);
        Assert.Equal(["Kept the youth club open every night for a year.", "Ran the street watch."], nominee.Citations.Select(c => c.Text));
    }

    [Fact]
    public async Task The_ranking_is_the_weighted_mean_of_non_conflicted_judges_with_ties_shown_as_ties()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f);
        var (x, _, _) = await TestAwards.EligibleAsync(f, s, "Xan");
        var (y, _, _) = await TestAwards.EligibleAsync(f, s, "Yas");
        var (z, _, _) = await TestAwards.EligibleAsync(f, s, "Zed");
        var a = await TestAwards.JudgeAsync(f, s, "judge-a");
        var b = await TestAwards.JudgeAsync(f, s, "judge-b");
        var c = await TestAwards.JudgeAsync(f, s, "judge-c", PlatformClaims.Roles.Staff);
        OpenJudging(f, s);

        // Weighted score = (3 × impact + 1 × courage) / 4.
        // Xan: A 4.5, B 4.0, C 1.0 (C then declares a conflict)  → (4.5 + 4.0) / 2 = 4.25
        // Yas: A 4.25, B 4.25, C 4.0                              → 12.5 / 3     = 4.1667
        // Zed: A 4.25, B 4.25, C 4.25                             → 4.25: tied with Xan
        foreach (var (judge, nominee, impact, courage) in new[]
                 {
                     (a, x, 5, 3), (b, x, 4, 4), (c, x, 1, 1),
                     (a, y, 4, 5), (b, y, 4, 5), (c, y, 5, 1),
                     (a, z, 5, 2), (b, z, 4, 5), (c, z, 4, 5),
                 })
            Assert.Equal(HttpStatusCode.Created, (await TestAwards.ScoreAsync(judge, nominee, impact, courage)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await c.PostAsJsonAsync($"/api/awards/judging/nominees/{x}/conflict", new { reason = "Trained together." })).StatusCode);

        var ranking = (await f.CreateStaffClient().GetFromJsonAsync<Paged<RankedNominee>>($"/api/awards/categories/{s.CategoryId}/ranking", Json.Options))!.Items;

        Assert.Equal(
            [(1, true, "Xan", 4.25m, 2, 1), (1, true, "Zed", 4.25m, 3, 0), (3, false, "Yas", 4.1667m, 3, 0)],
            ranking!.Select(r => (r.Rank!.Value, r.Tied, r.Name, r.MeanScore!.Value, r.JudgesCounted, r.ScoresExcludedForConflict)));
    }
}
