using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Events;

/// <summary>
/// Issue 19 through the gateway: partners' pitches in the public line-up, and what a delegate does with their manage
/// link around the day (questions for the panel, feedback, a training day's certificate, the delegate list).
/// </summary>
public sealed class ProgrammeFollowUpTests(PlatformFixture platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> WithKeyAsync(HttpClient client, string key, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        return await client.SendAsync(request, Cancel);
    }

    private static object Pitch(string organisation) => new
    {
        kind = "lightningTalk", title = $"{organisation} in two minutes", summary = "What we do for safer streets.", organisation,
        contactName = "Casey Contact", contactEmail = "casey.contact@example.org",
    };

    [Fact]
    public async Task Partners_pitches_are_accepted_into_the_public_line_up_in_their_running_order()
    {
        var staff = await platform.LoginAsStaffAsync();
        var e = await platform.PublishEventAsync(capacity: 50, workshopCapacities: [50]);
        await platform.Gateway.SendAsync(HttpMethod.Put, $"/api/events/{e.Id}/calls", staff, new { kind = "lightningTalk", closesAt = e.StartsAt.AddDays(-7) });
        var (_, councilKey) = await platform.Gateway.CreateKeyAsync(staff, await platform.Gateway.CreateOrganisationAsync(staff), ["events:write"]);
        var (_, trustKey) = await platform.Gateway.CreateKeyAsync(staff, await platform.Gateway.CreateOrganisationAsync(staff), ["events:write"]);
        using var client = platform.CreatePublicClient();

        var ids = new List<Guid>();
        foreach (var (key, organisation) in new[] { (councilKey, "Northside Council"), (trustKey, "Safe Haven Trust") })
        {
            using var submitted = await WithKeyAsync(client, key, $"/api/events/{e.Id}/contributions", Pitch(organisation));
            var body = await submitted.Content.ReadAsStringAsync(Cancel);
            Assert.True(submitted.StatusCode == HttpStatusCode.Created, $"submit: {(int)submitted.StatusCode} {body}");
            ids.Add(JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid());
        }
        // A second pitch from the council is refused and stored nowhere.
        using (var duplicate = await WithKeyAsync(client, councilKey, $"/api/events/{e.Id}/contributions", Pitch("Northside Borough Council")))
        {
            Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
            Assert.Equal("duplicate-contribution", (await duplicate.ProblemAsync()).GetProperty("rule").GetString());
        }
        Assert.Equal(2, await platform.App.CountAsync("eventsdb", "SELECT count(*) FROM contribution WHERE event_id = @id", ("id", e.Id)));

        // Staff put the trust's talk first, though it came second.
        var slot = e.StartsAt.AddHours(3);
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/events/{e.Id}/contributions/{ids[1]}/accept", staff,
            new { runningOrder = 1, slotStartsAt = slot, slotEndsAt = slot.AddMinutes(2) });
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/events/{e.Id}/contributions/{ids[0]}/accept", staff,
            new { runningOrder = 2, slotStartsAt = slot.AddMinutes(2), slotEndsAt = slot.AddMinutes(4) });

        var lineUp = await client.GetFromJsonAsync<JsonElement>($"/api/events/{e.Id}/line-up", Cancel);
        var talks = lineUp.GetProperty("lightningTalks").EnumerateArray().ToList();
        Assert.Equal(["Safe Haven Trust", "Northside Council"], talks.Select(t => t.GetProperty("organisation").GetString()));
        Assert.Equal([1, 2], talks.Select(t => t.GetProperty("runningOrder").GetInt32()));
        Assert.DoesNotContain("casey.contact@example.org", lineUp.GetRawText(), StringComparison.Ordinal);

        // The site's event page shows them in the same order.
        var page = await client.GetStringAsync($"/events/{e.Id}", Cancel);
        var (trust, council) = (page.IndexOf("Safe Haven Trust in two minutes", StringComparison.Ordinal), page.IndexOf("Northside Council in two minutes", StringComparison.Ordinal));
        Assert.True(trust > 0 && council > trust, "the event page lists the trust's talk, then the council's");
    }

    [Fact]
    public async Task A_delegate_asks_the_panel_gives_feedback_gets_a_certificate_and_meets_others_who_agreed_by_their_manage_link()
    {
        var staff = await platform.LoginAsStaffAsync();
        var e = await platform.PublishEventAsync(capacity: 50, workshopCapacities: [50], kind: "trainingDay");
        using var client = platform.CreatePublicClient();
        var (ann, annRegistration) = await platform.RegisterWithEmailedTokenAsync(client, e, EventsActors.Delegate(Addresses.Unique("ann"), e.Workshops[0]));
        var (bob, _) = await platform.RegisterWithEmailedTokenAsync(client, e, EventsActors.Delegate(Addresses.Unique("bob"), e.Workshops[0]));
        var (cat, _) = await platform.RegisterWithEmailedTokenAsync(client, e, new
        {
            name = "Cat Private", email = Addresses.Unique("cat"), organisation = "Northside Police", sector = "Police",
            consentToDelegateList = false, choices = new[] { e.Workshops[0] },
        });

        // Questions: asked by link, approved by staff, listed for the chair in the order of approval; the rejected one is not.
        async Task<Guid> AskAsync(string token, string text)
        {
            using var asked = await client.PostAsJsonAsync($"{EventsActors.ManagePath(token)}/questions", new { text }, Cancel);
            Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
            return (await asked.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        }
        var annFirst = await AskAsync(ann, "How will the new fund reach small charities?");
        var annSecond = await AskAsync(ann, "Off-topic question");
        var bobs = await AskAsync(bob, "What is the plan for rural speeding?");
        foreach (var (id, decision) in new[] { (bobs, "approve"), (annSecond, "reject"), (annFirst, "approve") })
            await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/events/{e.Id}/questions/{id}/{decision}", staff);
        var chair = await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/events/{e.Id}/questions/approved", staff);
        Assert.Equal([bobs, annFirst], chair.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("id").GetGuid()));

        // Feedback and certificates are for delegates checked in at the door: Ann is, Bob is not.
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/events/{e.Id}/check-ins", staff, new { code = annRegistration.GetProperty("checkInCode").GetString() });
        var feedback = new { ratings = new[] { new { sessionId = e.Workshops[0], rating = 4 } }, comments = "Useful day." };
        using (var refused = await client.PutAsJsonAsync($"{EventsActors.ManagePath(bob)}/feedback", feedback, Cancel))
            Assert.Equal("not-checked-in", (await refused.ProblemAsync()).GetProperty("rule").GetString());
        using (var given = await client.PutAsJsonAsync($"{EventsActors.ManagePath(ann)}/feedback", feedback, Cancel))
            Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        var figures = await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/events/{e.Id}/feedback", staff);
        Assert.Equal(1, figures.GetProperty("responses").GetInt32());
        Assert.Equal(4.0, figures.GetProperty("sessions").EnumerateArray().Single(s => s.GetProperty("sessionId").GetGuid() == e.Workshops[0]).GetProperty("average").GetDouble());

        using (var refused = await client.PostAsync($"{EventsActors.ManagePath(bob)}/certificate", null, Cancel))
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        using var issued = await client.PostAsync($"{EventsActors.ManagePath(ann)}/certificate", null, Cancel);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var code = (await issued.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("code").GetString()!;
        using var checker = platform.CreatePublicClient();
        var verified = await checker.GetFromJsonAsync<JsonElement>($"/api/events/certificates/{code}", Cancel);
        Assert.Equal((e.Id, e.Title), (verified.GetProperty("eventId").GetGuid(), verified.GetProperty("eventTitle").GetString()));
        using (var madeUp = await checker.GetAsync("/api/events/certificates/ABCD-EFGH-JKMN-PQRS-TVWX", Cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, madeUp.StatusCode);
            Assert.Equal("certificate-unknown", (await madeUp.ProblemAsync()).GetProperty("rule").GetString());
        }

        // The site's check page says the same to a person.
        Assert.Contains("This certificate is genuine", await checker.GetStringAsync($"/certificates/{code}", Cancel), StringComparison.Ordinal);
        Assert.Contains("This code does not verify", await checker.GetStringAsync("/certificates?code=ABCD-EFGH-JKMN-PQRS-TVWX", Cancel), StringComparison.Ordinal);

        // The delegate list: Ann and Bob agreed and see each other; Cat did not, is not listed, and does not see it.
        var list = await client.GetFromJsonAsync<JsonElement>($"{EventsActors.ManagePath(ann)}/delegate-list", Cancel);
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.DoesNotContain("Cat Private", list.GetRawText(), StringComparison.Ordinal);
        using var hidden = await client.GetAsync($"{EventsActors.ManagePath(cat)}/delegate-list", Cancel);
        Assert.Equal("delegate-list-consent", (await hidden.ProblemAsync()).GetProperty("rule").GetString());
    }
}
