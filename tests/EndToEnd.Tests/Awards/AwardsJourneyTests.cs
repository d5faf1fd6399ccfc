using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Awards;

/// <summary>
/// The Community Safety Hero Awards through the gateway with the whole platform: nominations and their
/// acknowledgements, duplicates grouped, judging with a conflicted judge, the ranking computed by hand, shortlist
/// (finalists emailed) and winners, every outsider's view checked for leaks while the embargo holds, and the
/// announcement published once when the ceremony starts.
/// </summary>
[Collection(DisturbsPlatformCollection.Name)]
public sealed class AwardsJourneyTests(PlatformFixture platform)
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Gateway => platform.Gateway;

    private sealed record Nominated(string NominatorEmail, string Token);

    [Fact]
    public async Task From_nominations_to_winners_announced_once_with_nothing_leaking_before_the_ceremony()
    {
        var staff = await platform.LoginAsStaffAsync();
        var now = await platform.AwardsNowAsync();
        var ceremonyAt = now.AddDays(60);
        var eventId = await platform.PublishCeremonyEventAsync(staff, ceremonyAt);
        var (programmeId, categoryId) = await platform.CreateProgrammeAsync(staff, eventId, now);
        var mailbox = platform.App.GetMailbox("mail");

        // --- Nominations from the public: bad input stores nothing; good ones are acknowledged by email.
        using var public1 = platform.CreatePublicClient();
        var tooLong = await public1.PostAsJsonAsync($"/api/awards/programmes/{programmeId}/nominations",
            Nomination(categoryId, "Sam Hero", Addresses.Unique("Nominator"), string.Join(' ', Enumerable.Repeat("brave", 31))), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.ProblemAsync()).GetProperty("errors").TryGetProperty("citation", out _));
        Assert.Equal(0, await platform.App.CountAsync("awardsdb", "SELECT count(*) FROM nomination WHERE category_id = @c", ("c", categoryId)));

        var samByAnn = await NominateAsync(public1, programmeId, categoryId, "Sam Hero", "sam.hero@example.org");
        var samByBo = await NominateAsync(public1, programmeId, categoryId, "sam  HERO", null);   // the same person again
        var kitByCy = await NominateAsync(public1, programmeId, categoryId, "Kit Helper", null);
        var zedByDi = await NominateAsync(public1, programmeId, categoryId, "Zed Warden", null);
        foreach (var n in new[] { samByAnn, samByBo, kitByCy, zedByDi })
        {
            var ack = await mailbox.WaitForAsync(m => m.IsTo(n.NominatorEmail), MailTimeout);
            Assert.Equal(n.Token, AwardsActors.ManageToken(ack));
        }
        using (var manage = await public1.GetAsync($"/api/awards/nominations/{samByAnn.Token}", Cancel))
            Assert.Equal(HttpStatusCode.OK, manage.StatusCode);

        // --- Screening: the two nominations of Sam are one nominee; everything is eligible.
        var nominees = (await Gateway.SendAsync(HttpMethod.Get, $"/api/awards/categories/{categoryId}/nominees", staff)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([1, 1, 2], nominees.Select(n => n.GetProperty("nominations").GetArrayLength()).Order());
        var ids = nominees.ToDictionary(n => n.GetProperty("name").GetString()!, n => n.GetProperty("id").GetGuid());
        var (sam, kit, zed) = (ids["Sam Hero"], ids["Kit Helper"], ids["Zed Warden"]);
        foreach (var nomination in nominees.SelectMany(n => n.GetProperty("nominations").EnumerateArray()))
            await Gateway.SendAsync(HttpMethod.Post, $"/api/awards/nominations/{nomination.GetProperty("id").GetGuid()}/screening", staff, new { outcome = "Eligible" });
        // Ann proposed Sam's address; it is used only once staff confirm it.
        Assert.Equal(JsonValueKind.Null, nominees.Single(n => n.GetProperty("id").GetGuid() == sam).GetProperty("contactEmail").ValueKind);
        await Gateway.SendAsync(HttpMethod.Put, $"/api/awards/nominees/{sam}/contact", staff, new { contactEmail = "sam.hero@example.org" });

        // --- The panel: two invited partner users and a member of staff, identified by their gateway user ids.
        var organisation = await Gateway.CreateOrganisationAsync(staff);
        var (judgeA, subjectA) = await platform.PartnerUserAsync(staff, organisation);
        var (judgeB, subjectB) = await platform.PartnerUserAsync(staff, organisation);
        var (judgeC, subjectC) = (staff, await platform.SubjectAsync(staff));
        foreach (var (subject, name) in new[] { (subjectA, "Judge A"), (subjectB, "Judge B"), (subjectC, "Judge C") })
            await Gateway.SendAsync(HttpMethod.Post, $"/api/awards/categories/{categoryId}/judges", staff, new { subject, name });

        using (var early = await Score(judgeA, sam, 5, 3))
            Assert.Equal("judging-window", (await early.ProblemAsync()).GetProperty("rule").GetString());
        await platform.AdvanceClockAsync("awards", TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        using (var outOfRange = await Score(judgeA, sam, 7, 3))
        {
            Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
            Assert.True((await outOfRange.ProblemAsync()).GetProperty("errors").TryGetProperty("scores.impact", out _));
        }

        // Weighted score = (3 × impact + courage) / 4; C scores Sam, then declares a conflict, so C's 1.0 is not counted.
        // Sam: A 4.5, B 4.0, (C 1.0)  → 4.25      Zed: A 4.25, B 4.25, C 4.25 → 4.25 (a tie with Sam)
        // Kit: A 4.25, B 4.25, C 4.0  → 4.1667
        foreach (var (judge, nominee, impact, courage) in new[]
                 {
                     (judgeA, sam, 5, 3), (judgeB, sam, 4, 4), (judgeC, sam, 1, 1),
                     (judgeA, kit, 4, 5), (judgeB, kit, 4, 5), (judgeC, kit, 5, 1),
                     (judgeA, zed, 5, 2), (judgeB, zed, 4, 5), (judgeC, zed, 4, 5),
                 })
        {
            using var scored = await Score(judge, nominee, impact, courage);
            Assert.Equal(HttpStatusCode.Created, scored.StatusCode);
        }
        await Gateway.SendAsync(HttpMethod.Post, $"/api/awards/judging/nominees/{sam}/conflict", judgeC, new { reason = "Sam is my neighbour." });
        using (var conflicted = await Score(judgeC, sam, 5, 5))
            Assert.Equal("conflict-of-interest", (await conflicted.ProblemAsync()).GetProperty("rule").GetString());
        using (var twice = await Score(judgeA, kit, 1, 1))
            Assert.Equal("already-scored", (await twice.ProblemAsync()).GetProperty("rule").GetString());
        var shownToC = await Gateway.SendAsync(HttpMethod.Get, $"/api/awards/judging/categories/{categoryId}/nominees", judgeC);
        Assert.Equal([kit, zed], shownToC.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("nomineeId").GetGuid()).Order());

        // Judge C is a member of staff: while judging is open, the programme's ranking and progress are closed to them.
        foreach (var closed in new[] { "ranking", "progress" })
        {
            using var refused = await platform.Gateway.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/awards/categories/{categoryId}/{closed}")
            { Headers = { Authorization = new("Bearer", staff) } }, Cancel);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // --- Shortlist once judging closes; finalists (nominators and a nominee with a contact) are told.
        await platform.AdvanceClockAsync("awards", TimeSpan.FromDays(1));
        // Once judging has closed, judge C reads them too. Ties share a rank and are listed by name.
        var ranking = await Gateway.SendAsync(HttpMethod.Get, $"/api/awards/categories/{categoryId}/ranking", staff);
        Assert.Equal(
            [(1, true, sam, 4.25m, 2), (1, true, zed, 4.25m, 3), (3, false, kit, 4.1667m, 3)],
            ranking.GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("rank").GetInt32(), r.GetProperty("tied").GetBoolean(), r.GetProperty("nomineeId").GetGuid(),
                r.GetProperty("meanScore").GetDecimal(), r.GetProperty("judgesCounted").GetInt32())));
        var progress = await Gateway.SendAsync(HttpMethod.Get, $"/api/awards/categories/{categoryId}/progress", staff);
        Assert.All(progress.GetProperty("items").EnumerateArray(), j => Assert.Equal(0, j.GetProperty("pending").GetInt32()));

        await Gateway.SendAsync(HttpMethod.Post, $"/api/awards/categories/{categoryId}/shortlist", staff, new { nomineeIds = new[] { sam, zed } });
        foreach (var to in new[] { samByAnn.NominatorEmail, samByBo.NominatorEmail, "sam.hero@example.org", zedByDi.NominatorEmail })
            await mailbox.WaitForAsync(m => m.IsTo(to) && m.Subject?.Contains("finalist", StringComparison.OrdinalIgnoreCase) == true, MailTimeout);

        // --- Winners confirmed, under embargo: nothing an outsider can reach changes.
        var (_, partnerKey) = await Gateway.CreateKeyAsync(staff, organisation, ["awards:read", "awards:write"]);
        var before = await EverythingOutsidersSeeAsync(programmeId, categoryId, partnerKey, judgeA, samByAnn.Token, kitByCy.Token);
        await Gateway.SendAsync(HttpMethod.Post, $"/api/awards/categories/{categoryId}/winner", staff, new { nomineeId = sam });
        var after = await EverythingOutsidersSeeAsync(programmeId, categoryId, partnerKey, judgeA, samByAnn.Token, kitByCy.Token);
        Assert.Equal(before, after);
        Assert.DoesNotContain(after, a => a.Contains(sam.ToString(), StringComparison.Ordinal));
        Assert.Contains(after, a => a.Contains("/results 200", StringComparison.Ordinal) && a.Contains("\"winners\":[]", StringComparison.Ordinal));
        var winnersReceipt = JsonNode.Parse(await public1.GetStringAsync($"/api/awards/nominations/{samByAnn.Token}", Cancel))!.AsObject();
        var othersReceipt = JsonNode.Parse(await public1.GetStringAsync($"/api/awards/nominations/{kitByCy.Token}", Cancel))!.AsObject();
        Assert.Equal(Without(othersReceipt, "id", "nomineeName", "submittedAt"), Without(winnersReceipt, "id", "nomineeName", "submittedAt"));
        Assert.Equal(0, await WinnersAnnouncedRowsAsync(programmeId));

        // --- The ceremony starts: the embargo lifts by itself, the results page shows Sam, and the event goes out once.
        await platform.AdvanceClockAsync("awards", TimeSpan.FromDays(60));
        await AwardsActors.WaitUntilAsync(async () =>
            JsonDocument.Parse(await public1.GetStringAsync($"/api/awards/programmes/{programmeId}/results", Cancel)).RootElement.GetProperty("announced").GetBoolean(),
            "the embargo to lift at the ceremony");
        var results = JsonDocument.Parse(await public1.GetStringAsync($"/api/awards/programmes/{programmeId}/results", Cancel)).RootElement;
        Assert.Equal("Sam Hero", Assert.Single(results.GetProperty("winners").EnumerateArray()).GetProperty("nomineeName").GetString());
        await AwardsActors.WaitUntilAsync(async () => await platform.App.CountAsync("awardsdb",
            "SELECT count(*) FROM outbox_message WHERE message_type LIKE '%WinnersAnnounced%' AND body LIKE @p AND sent_at IS NOT NULL", ("p", $"%{programmeId}%")) == 1,
            "WinnersAnnounced to be published");
        using (var byHand = await Gateway.SendRawAsync(HttpMethod.Post, $"/api/awards/programmes/{programmeId}/announce", staff))
            Assert.Equal("already-announced", (await byHand.ProblemAsync()).GetProperty("rule").GetString());
        await platform.AdvanceClockAsync("awards", TimeSpan.FromMinutes(5)); // another sweep pass
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);
        Assert.Equal(1, await WinnersAnnouncedRowsAsync(programmeId));
    }

    private Task<long> WinnersAnnouncedRowsAsync(Guid programmeId) => platform.App.CountAsync("awardsdb",
        "SELECT count(*) FROM outbox_message WHERE message_type LIKE '%WinnersAnnounced%' AND body LIKE @p", ("p", $"%{programmeId}%"));

    private Task<HttpResponseMessage> Score(string judge, Guid nominee, int impact, int courage) =>
        Gateway.SendRawAsync(HttpMethod.Post, $"/api/awards/judging/nominees/{nominee}/scores", judge,
            new { scores = new Dictionary<string, int> { ["impact"] = impact, ["courage"] = courage } });

    private static object Nomination(Guid categoryId, string nominee, string nominatorEmail, string citation = "Kept the youth club open every night.",
        string? contact = null) => new
        {
            categoryId,
            nominee = new { name = nominee, organisation = "Northside Youth Club", district = "Castleton", contactEmail = contact },
            citation,
            nominator = new { name = "A Nominator", email = nominatorEmail, relationship = "Neighbour" },
            consent = true,
        };

    private static async Task<Nominated> NominateAsync(HttpClient client, Guid programmeId, Guid categoryId, string nominee, string? contact)
    {
        var email = Addresses.Unique("Nominator");
        using var response = await client.PostAsJsonAsync($"/api/awards/programmes/{programmeId}/nominations", Nomination(categoryId, nominee, email, contact: contact), Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"nominate: {(int)response.StatusCode} {body}");
        return new Nominated(email, JsonDocument.Parse(body).RootElement.GetProperty("manageToken").GetString()!);
    }

    /// <summary>Every answer the public, a partner's system (read and write scopes) and a judge can get, as status and body.</summary>
    private async Task<List<string>> EverythingOutsidersSeeAsync(Guid programmeId, Guid categoryId, string partnerKey, string judge, string winnerToken, string otherToken)
    {
        using var anyone = platform.CreatePublicClient();
        var paths = new List<(HttpMethod Method, string Path)>
        {
            (HttpMethod.Get, "/api/awards/programmes"),
            (HttpMethod.Get, $"/api/awards/programmes/{programmeId}"),
            (HttpMethod.Get, $"/api/awards/programmes/{programmeId}/results"),
            (HttpMethod.Get, $"/api/awards/programmes/{programmeId}/figures"),
            (HttpMethod.Get, $"/api/awards/programmes/{programmeId}/winners"),
            (HttpMethod.Get, $"/api/awards/categories/{categoryId}/ranking"),
            (HttpMethod.Get, $"/api/awards/categories/{categoryId}/nominees"),
            (HttpMethod.Get, $"/api/awards/nominations/{winnerToken}"),
            (HttpMethod.Get, $"/api/awards/nominations/{otherToken}"),
            (HttpMethod.Delete, $"/api/awards/nominations/{winnerToken}"),
            (HttpMethod.Delete, $"/api/awards/nominations/{otherToken}"),
            (HttpMethod.Post, $"/api/awards/programmes/{programmeId}/announce"),
        };
        var answers = new List<string>();
        foreach (var (who, token, key) in new[] { ("public", (string?)null, (string?)null), ("partner", null, partnerKey), ("judge", judge, null) })
        {
            foreach (var (method, path) in paths)
            {
                using var response = await anyone.SendRawAsync(method, path, token, apiKey: key);
                answers.Add($"{who} {method} {path} {(int)response.StatusCode} {Normalised(await response.Content.ReadAsStringAsync(Cancel))}");
            }
        }
        return answers;
    }

    // Trace ids differ per request by design; everything else in an answer must not.
    private static string Normalised(string body) =>
        body.Length > 0 && body.TrimStart().StartsWith('{') && JsonNode.Parse(body) is JsonObject o ? Without(o, "traceId", "requestId") : body;

    private static string Without(JsonObject o, params string[] properties)
    {
        foreach (var property in properties) o.Remove(property);
        return o.ToJsonString();
    }
}
