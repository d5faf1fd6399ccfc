using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Results;
using Platform.Contracts.Awards;
using Platform.Messaging;
using Platform.ServiceDefaults.Identity;

namespace Platform.Awards.Tests;

/// <summary>
/// Winners confirmed before the ceremony stay secret from every public and partner endpoint, then are announced once
/// — by the sweeper at the ceremony time or by staff at the moment of presentation — however many replicas run.
/// </summary>
public sealed class EmbargoTests(PostgresServer postgres)
{
    public sealed record Finalists(TestAwards.Scenario Scenario, Guid Sam, Guid Kit, string SamToken, string KitToken);

    /// <summary>Two eligible nominees, both scored, judging closed, both shortlisted.</summary>
    public static async Task<Finalists> ShortlistAsync(AwardsFactory f)
    {
        var s = await TestAwards.CreateAsync(f);
        var (sam, _, samToken) = await TestAwards.EligibleAsync(f, s, "Sam Hero", contact: "sam@example.org");
        var (kit, _, kitToken) = await TestAwards.EligibleAsync(f, s, "Kit Helper");
        var judge = await TestAwards.JudgeAsync(f, s, "judge-a");
        f.Time.Advance(s.JudgingOpens - f.Time.GetUtcNow() + TimeSpan.FromMinutes(1));
        await TestAwards.ScoreAsync(judge, sam, 5, 5);
        await TestAwards.ScoreAsync(judge, kit, 4, 4);
        f.Time.Advance(s.JudgingCloses - f.Time.GetUtcNow() + TimeSpan.FromMinutes(1));
        await TestAwards.PostAsync<ShortlistView>(f.CreateStaffClient(), $"/api/awards/categories/{s.CategoryId}/shortlist", new { nomineeIds = new[] { sam, kit } });
        return new Finalists(s, sam, kit, samToken, kitToken);
    }

    private static Task<WinnerView> ConfirmWinnerAsync(AwardsFactory f, Finalists x, Guid winner) =>
        TestAwards.PostAsync<WinnerView>(f.CreateStaffClient(), $"/api/awards/categories/{x.Scenario.CategoryId}/winner", new { nomineeId = winner });

    private static void ReachCeremony(AwardsFactory f, TestAwards.Scenario s) => f.Time.Advance(s.CeremonyAt - f.Time.GetUtcNow() + TimeSpan.FromSeconds(1));

    /// <summary>Every answer a member of the public or a partner can get about the programme, as status and body.</summary>
    private static async Task<List<string>> EverythingOutsidersSeeAsync(AwardsFactory f, Finalists x)
    {
        var s = x.Scenario;
        var anyone = f.CreateClient();
        var partner = f.CreateClientAs(PlatformClaims.Roles.Partner, scopes: ["awards:read", "awards:write"], subject: "apikey:1");
        var judgeOfAnotherPanel = f.CreateClientAs(PlatformClaims.Roles.Organisation, subject: "judge-elsewhere");
        var requests = new List<(HttpClient Client, HttpMethod Method, string Path)>();
        foreach (var client in new[] { anyone, partner })
        {
            requests.Add((client, HttpMethod.Get, "/api/awards/programmes"));
            requests.Add((client, HttpMethod.Get, $"/api/awards/programmes/{s.ProgrammeId}"));
            requests.Add((client, HttpMethod.Get, $"/api/awards/programmes/{s.ProgrammeId}/results"));
            requests.Add((client, HttpMethod.Get, $"/api/awards/programmes/{s.ProgrammeId}/figures"));
            requests.Add((client, HttpMethod.Get, $"/api/awards/programmes/{s.ProgrammeId}/winners"));
            requests.Add((client, HttpMethod.Get, $"/api/awards/categories/{s.CategoryId}/ranking"));
            requests.Add((client, HttpMethod.Get, $"/api/awards/categories/{s.CategoryId}/nominees"));
            requests.Add((client, HttpMethod.Get, $"/api/awards/nominations/{x.SamToken}"));
            requests.Add((client, HttpMethod.Get, $"/api/awards/nominations/{x.KitToken}"));
            requests.Add((client, HttpMethod.Delete, $"/api/awards/nominations/{x.SamToken}"));
        }
        requests.Add((judgeOfAnotherPanel, HttpMethod.Get, $"/api/awards/judging/categories/{s.CategoryId}/nominees"));
        requests.Add((judgeOfAnotherPanel, HttpMethod.Get, "/api/awards/judging/panels"));

        var answers = new List<string>();
        foreach (var (client, method, path) in requests)
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, path));
            var body = await response.Content.ReadAsStringAsync();
            // A problem's trace id differs per request by design; everything else must not.
            answers.Add($"{method} {path} {(int)response.StatusCode} {(body.Length > 0 ? JsonNode.Parse(body) is JsonObject j ? Without(j, "traceId") : body : "")}");
        }
        return answers;
    }

    private static string Without(JsonObject o, params string[] properties)
    {
        foreach (var property in properties) o.Remove(property);
        return o.ToJsonString();
    }

    [Fact]
    public async Task Before_the_embargo_lifts_no_public_or_partner_answer_changes_when_winners_are_confirmed()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var x = await ShortlistAsync(f);

        var before = await EverythingOutsidersSeeAsync(f, x);
        await ConfirmWinnerAsync(f, x, x.Sam);
        var after = await EverythingOutsidersSeeAsync(f, x);

        Assert.Equal(before, after);
        Assert.Contains(after, a => a.Contains("/results 200") && a.Contains("\"announced\":false") && a.Contains("\"winners\":[]"));
        // The winner's nominator and the runner-up's see the same receipt apart from whom they nominated.
        var sam = JsonNode.Parse(await f.CreateClient().GetStringAsync($"/api/awards/nominations/{x.SamToken}"))!.AsObject();
        var kit = JsonNode.Parse(await f.CreateClient().GetStringAsync($"/api/awards/nominations/{x.KitToken}"))!.AsObject();
        Assert.Equal(Without(kit, "id", "nomineeName"), Without(sam, "id", "nomineeName"));
        // Nothing outsiders can reach names the nominee by id (as rankings and winner lists do); staff lists refuse them.
        Assert.DoesNotContain(after, a => a.Contains(x.Sam.ToString(), StringComparison.Ordinal));
        Assert.Contains(after, a => a.StartsWith($"GET /api/awards/programmes/{x.Scenario.ProgrammeId}/winners 401", StringComparison.Ordinal));
        Assert.Contains(after, a => a.StartsWith($"GET /api/awards/programmes/{x.Scenario.ProgrammeId}/winners 403", StringComparison.Ordinal));
    }

    [Fact]
    public async Task At_the_ceremony_time_the_winners_are_announced_once_and_shown_on_the_results_page()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var x = await ShortlistAsync(f);
        await ConfirmWinnerAsync(f, x, x.Kit);
        await ConfirmWinnerAsync(f, x, x.Sam); // staff may change their mind until the announcement

        Assert.Equal(0, await f.SweepAsync());
        ReachCeremony(f, x.Scenario);
        Assert.Equal(1, await f.SweepAsync());
        Assert.Equal(0, await f.SweepAsync());

        var announced = await f.PublishedAsync<WinnersAnnounced>(m => m.ProgrammeId == x.Scenario.ProgrammeId);
        Assert.Equal(("Sam Hero", 2030), (Assert.Single(announced.Winners).NomineeName, announced.Year));
        Assert.EndsWith($"/awards/results/{x.Scenario.ProgrammeId}", announced.ResultsUrl);
        var results = await f.CreateClient().GetFromJsonAsync<ProgrammeResults>($"/api/awards/programmes/{x.Scenario.ProgrammeId}/results", Json.Options);
        Assert.True(results!.Announced);
        Assert.Equal(x.Sam, Assert.Single(results.Winners).NomineeId);

        var change = await f.CreateStaffClient().PostAsJsonAsync($"/api/awards/categories/{x.Scenario.CategoryId}/winner", new { nomineeId = x.Kit });
        Assert.Equal("results-announced", (await change.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(f.Harness.Published.Select<WinnersAnnounced>());
    }

    [Fact]
    public async Task Staff_lift_the_embargo_by_hand_at_the_presentation_once()
    {
        await using var f = await AwardsFactory.StartAsync(postgres);
        var x = await ShortlistAsync(f);
        var staff = f.CreateStaffClient();

        var tooSoon = await staff.PostAsync($"/api/awards/programmes/{x.Scenario.ProgrammeId}/announce", null);
        Assert.Equal("no-winners", (await tooSoon.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        await ConfirmWinnerAsync(f, x, x.Sam);

        var lifted = await staff.PostAsync($"/api/awards/programmes/{x.Scenario.ProgrammeId}/announce", null);
        Assert.Equal(HttpStatusCode.OK, lifted.StatusCode);
        var again = await staff.PostAsync($"/api/awards/programmes/{x.Scenario.ProgrammeId}/announce", null);
        Assert.Equal("already-announced", (await again.ProblemAsync(HttpStatusCode.Conflict)).GetProperty("rule").GetString());
        ReachCeremony(f, x.Scenario);
        Assert.Equal(0, await f.SweepAsync());

        Assert.Equal(1, await f.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageType.Contains(nameof(WinnersAnnounced)))));
        Assert.True((await f.CreateClient().GetFromJsonAsync<ProgrammeResults>($"/api/awards/programmes/{x.Scenario.ProgrammeId}/results", Json.Options))!.Announced);
    }

    [Fact]
    public async Task Two_replicas_racing_to_announce_write_one_WinnersAnnounced()
    {
        await using var first = await AwardsFactory.StartAsync(postgres);
        await using var second = AwardsFactory.Replica(first);
        var x = await ShortlistAsync(first);
        await ConfirmWinnerAsync(first, x, x.Sam);
        ReachCeremony(first, x.Scenario);
        ReachCeremony(second, x.Scenario);

        var passes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => (i % 2 == 0 ? first : second).SweepAsync()));

        Assert.Equal(1, passes.Sum());
        Assert.Equal(1, await first.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageType.Contains(nameof(WinnersAnnounced)))));
    }

    [Fact]
    public async Task Two_replicas_with_their_sweepers_running_publish_the_announcement_exactly_once()
    {
        await using var first = await AwardsFactory.StartAsync(postgres, runBackgroundServices: true);
        await using var second = AwardsFactory.Replica(first, runBackgroundServices: true);
        var x = await ShortlistAsync(first);
        await ConfirmWinnerAsync(first, x, x.Sam);

        ReachCeremony(second, x.Scenario);
        ReachCeremony(first, x.Scenario);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (first.Harness.Published.Select<WinnersAnnounced>().Count() + second.Harness.Published.Select<WinnersAnnounced>().Count() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no WinnersAnnounced was published");
            await Task.Delay(100);
        }
        // Both sweepers and both outbox relays keep running: give a wrong second copy time to appear.
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(1, first.Harness.Published.Select<WinnersAnnounced>().Count() + second.Harness.Published.Select<WinnersAnnounced>().Count());
        Assert.Equal(1, await first.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageType.Contains(nameof(WinnersAnnounced)))));
    }
}
