using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Judging;
using Platform.Awards.Results;
using Platform.Awards.Screening;
using Platform.Contracts.Awards;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;

namespace Platform.Awards.Tests;

/// <summary>
/// Judging that holds up: a merge carries judges' conflicts and scorecards to the kept nominee; staff who judge do not
/// see the ranking or progress, nor screen, until judging closes; the nominee's contact address is staff's to confirm.
/// </summary>
public sealed class JudgingIntegrityTests(PostgresServer postgres)
{
    private static void OpenJudging(AwardsFactory f, TestAwards.Scenario s) => f.Time.Advance(s.JudgingOpens - f.Time.GetUtcNow() + TimeSpan.FromMinutes(1));

    private static async Task<List<T>> ItemsAsync<T>(HttpClient client, string path) =>
        (await client.GetFromJsonAsync<Paged<T>>(path, Json.Options, TestContext.Current.CancellationToken))!.Items.ToList();

    [Fact]
    public async Task Merging_a_duplicate_carries_a_judges_conflict_and_scorecards_to_the_kept_nominee()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f);
        var (kept, _, _) = await TestAwards.EligibleAsync(f, s, "Samantha Hero");
        var (duplicate, duplicateNomination, _) = await TestAwards.EligibleAsync(f, s, "Sam Hero");
        var a = await TestAwards.JudgeAsync(f, s, "judge-a");
        var b = await TestAwards.JudgeAsync(f, s, "judge-b");
        OpenJudging(f, s);

        // A knows Sam, under the spelling one nominator used; B scored that spelling before staff saw the duplicate.
        Assert.Equal(HttpStatusCode.Created, (await a.PostAsJsonAsync($"/api/awards/judging/nominees/{duplicate}/conflict",
            new { reason = "My sister-in-law." }, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await TestAwards.ScoreAsync(b, duplicate, 5, 5)).StatusCode);

        var merged = await f.CreateStaffClient().PostAsJsonAsync($"/api/awards/nominations/{duplicateNomination}/screening",
            new { outcome = "MergedDuplicate", mergeIntoNomineeId = kept }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);

        // A no longer sees the person under the other spelling, and cannot score them.
        Assert.DoesNotContain(kept, (await ItemsAsync<JudgeNomineeView>(a, $"/api/awards/judging/categories/{s.CategoryId}/nominees")).Select(n => n.NomineeId));
        var scoring = await TestAwards.ScoreAsync(a, kept, 1, 1);
        Assert.Equal("conflict-of-interest", (await scoring.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        // B's scorecard followed: B has scored the kept nominee already, and it counts.
        var twice = await TestAwards.ScoreAsync(b, kept, 1, 1);
        Assert.Equal("already-scored", (await twice.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        var row = Assert.Single(await ItemsAsync<RankedNominee>(f.CreateStaffClient(), $"/api/awards/categories/{s.CategoryId}/ranking"));
        Assert.Equal((kept, 5m, 1), (row.NomineeId, row.MeanScore, row.JudgesCounted));
        var progress = await ItemsAsync<JudgeProgress>(f.CreateStaffClient(), $"/api/awards/categories/{s.CategoryId}/progress");
        Assert.Equal(NomineeProgress.Conflicted, progress.Single(j => j.Subject == "judge-a").Nominees.Single(n => n.NomineeId == kept).Status);
        Assert.Equal(NomineeProgress.Scored, progress.Single(j => j.Subject == "judge-b").Nominees.Single(n => n.NomineeId == kept).Status);
    }

    [Fact]
    public async Task Staff_who_judge_see_no_ranking_or_progress_and_screen_nothing_in_the_programme_until_judging_closes()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f);
        var (sam, _, _) = await TestAwards.EligibleAsync(f, s, "Sam Hero");
        var later = await TestAwards.NominateAsync(f.CreateClient(), s, TestAwards.Nomination(s.CategoryId, "Kit Helper"));
        var judge = await TestAwards.JudgeAsync(f, s, "staff-judge", PlatformClaims.Roles.Staff);
        var otherStaff = f.CreateStaffClient();
        OpenJudging(f, s);
        Assert.Equal(HttpStatusCode.Created, (await TestAwards.ScoreAsync(judge, sam, 4, 4)).StatusCode);

        var ct = TestContext.Current.CancellationToken;
        var refused = new[]
        {
            await judge.GetAsync($"/api/awards/categories/{s.CategoryId}/ranking", ct),
            await judge.GetAsync($"/api/awards/categories/{s.CategoryId}/progress", ct),
            await judge.GetAsync($"/api/awards/categories/{s.CategoryId}/nominees", ct),
            await judge.PostAsJsonAsync($"/api/awards/nominations/{later.Nomination.Id}/screening", new { outcome = "Eligible" }, ct),
            await judge.PutAsJsonAsync($"/api/awards/nominees/{sam}/contact", new { contactEmail = "sam@example.org" }, ct),
        };
        foreach (var response in refused)
            Assert.Equal(JudgingSecrecy.Rule, (await response.ProblemAsync(HttpStatusCode.Forbidden)).GetProperty("rule").GetString());
        Assert.Equal(Platform.Awards.Nominating.NominationStatus.Received,
            await f.WithDbAsync(db => db.Nominations.Where(n => n.Id == later.Nomination.Id).Select(n => n.Status).FirstAsync(ct)));

        // Staff who do not judge carry on as before.
        Assert.Equal(HttpStatusCode.OK, (await otherStaff.GetAsync($"/api/awards/categories/{s.CategoryId}/ranking", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherStaff.GetAsync($"/api/awards/categories/{s.CategoryId}/progress", ct)).StatusCode);

        f.Time.Advance(s.JudgingCloses - f.Time.GetUtcNow());
        Assert.Equal(HttpStatusCode.OK, (await judge.GetAsync($"/api/awards/categories/{s.CategoryId}/ranking", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await judge.GetAsync($"/api/awards/categories/{s.CategoryId}/progress", ct)).StatusCode);
    }

    [Fact]
    public async Task A_nominators_contact_address_is_only_a_proposal_until_staff_confirm_it()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var s = await TestAwards.CreateAsync(f);
        var ct = TestContext.Current.CancellationToken;
        var (sam, _, _) = await TestAwards.EligibleAsync(f, s, "Sam Hero", contact: "someone-else@example.org");
        var (kit, _, _) = await TestAwards.EligibleAsync(f, s, "Kit Helper", contact: "kit-maybe@example.org");
        var staff = f.CreateStaffClient();

        var groups = await ItemsAsync<NomineeGroup>(staff, $"/api/awards/categories/{s.CategoryId}/nominees");
        var samGroup = groups.Single(g => g.Id == sam);
        Assert.Null(samGroup.ContactEmail);
        Assert.Equal("someone-else@example.org", Assert.Single(samGroup.Nominations).NomineeContact);

        var bad = await staff.PutAsJsonAsync($"/api/awards/nominees/{sam}/contact", new { contactEmail = "not an address" }, ct);
        Assert.True((await bad.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("contactEmail", out _));
        var confirmed = await staff.PutAsJsonAsync($"/api/awards/nominees/{sam}/contact", new { contactEmail = "sam@example.org" }, ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var stored = await f.WithDbAsync(db => db.Nominees.FirstAsync(n => n.Id == sam, ct));
        Assert.Equal(("sam@example.org", "staff-1"), (stored.ContactEmail, stored.ContactConfirmedBy));

        f.Time.Advance(s.JudgingCloses - f.Time.GetUtcNow());
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/awards/categories/{s.CategoryId}/shortlist", new { nomineeIds = new[] { sam, kit } }, ct)).StatusCode);
        var told = await f.PublishedAsync<FinalistsConfirmed>(m => m.CategoryId == s.CategoryId);
        Assert.Equal("sam@example.org", told.Finalists.Single(x => x.NomineeId == sam).NomineeContactEmail);
        Assert.Null(told.Finalists.Single(x => x.NomineeId == kit).NomineeContactEmail);
    }
}
