using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Events;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Volunteers;

namespace Platform.EndToEnd.Tests.Site.Manage.Events;

/// <summary>
/// Issue 19's back office through the real platform: staff open a call for lightning talks, a partner's pitch arrives
/// through the API and staff accept it with its running order and slot (the public line-up then has it); a delegate's
/// question is approved and numbered on the chair's list; a checked-in delegate's feedback shows on the figures page
/// and in its CSV; the event is made invitation-only and someone invited. An organisation user runs their own training
/// day's speakers and never reaches staff's pages or another organisation's event. Every page is checked with axe.
/// </summary>
public sealed class ConferenceOfficeTests(PlatformFixture platform, SiteBrowser browser)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public async Task Staff_run_a_conferences_pitches_questions_feedback_and_invitations_and_an_organisation_only_its_own_training_day()
    {
        var staff = await platform.LoginAsStaffAsync();
        var e = await platform.PublishEventAsync(capacity: 50, workshopCapacities: [50]);
        using var client = platform.CreatePublicClient();
        // The delegate's emailed link is awaited while the browser works.
        var registering = platform.RegisterWithEmailedTokenAsync(client, e, EventsActors.Delegate(Addresses.Unique("office-delegate"), e.Workshops[0]));
        var eventPath = $"/manage/events/{e.Id}";

        var page = await browser.SignedInAsStaffAsync(platform);
        await page.GotoAsync(eventPath);

        // A call for lightning talks, closing a week before the day.
        await page.GetByRole(AriaRole.Link, new() { Name = "Pitches and stands" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pitches and stands");
        await page.GetByLabel("Lightning talks").CheckAsync();
        await page.GetByLabel("Closes (UK time)").FillAsync(Local(e.StartsAt.AddDays(-7)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the call" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The call for lightning talks is open until");
        await SiteBrowser.CheckPageAsync(page, "manage-events-contributions");

        // A partner's system offers a talk, as partners do (a key with events:write).
        var (_, key) = await platform.Gateway.CreateKeyAsync(staff, await platform.Gateway.CreateOrganisationAsync(staff), ["events:write"]);
        var pitchTitle = $"Safer streets in two minutes {Guid.CreateVersion7():N}";
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{e.Id}/contributions")
        {
            Content = JsonContent.Create(new
            {
                kind = "lightningTalk", title = pitchTitle, summary = "What our street pastors do.", organisation = "Safe Haven Trust",
                contactName = "Casey Contact", contactEmail = "casey.contact@example.org",
            }),
        })
        {
            request.Headers.Add("X-Api-Key", key);
            using var submitted = await client.SendAsync(request, Cancel);
            Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        }

        // Staff accept it as the first talk, two minutes from three hours in.
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = pitchTitle }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(pitchTitle);
        await SiteBrowser.CheckPageAsync(page, "manage-events-contribution");
        var slot = e.StartsAt.AddHours(3);
        await page.GetByLabel("Running order").FillAsync("1");
        await page.GetByLabel("Slot starts (UK time)").FillAsync(Local(slot));
        await page.GetByLabel("Slot ends (UK time)").FillAsync(Local(slot.AddMinutes(2)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"Accepted: {pitchTitle}, number 1");
        await Assertions.Expect(page.Locator("#submissions").GetByRole(AriaRole.Row, new() { Name = pitchTitle })).ToContainTextAsync("Accepted");
        var lineUp = await client.GetFromJsonAsync<JsonElement>($"/api/events/{e.Id}/line-up", Cancel);
        var talk = lineUp.GetProperty("lightningTalks").EnumerateArray().Single();
        Assert.Equal((pitchTitle, 1), (talk.GetProperty("title").GetString(), talk.GetProperty("runningOrder").GetInt32()));
        // The form takes whole minutes: the slot stored is the one asked for, less its seconds (up to 59.999...).
        var dropped = (slot - talk.GetProperty("startsAt").GetDateTimeOffset()).TotalSeconds;
        Assert.True(dropped is >= 0 and < 60, $"the slot stored is {dropped} s before the one asked for");

        // The delegate asks the panel by their link; staff approve it and the chair sees it numbered.
        var (token, registration) = await registering;
        var question = $"How will the fund reach small charities? {Guid.CreateVersion7():N}";
        using (var asked = await client.PostAsJsonAsync($"{EventsActors.ManagePath(token)}/questions", new { text = question }, Cancel))
            Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        await page.GotoAsync(eventPath);
        await page.GetByRole(AriaRole.Link, new() { Name = "Questions for the panel" }).ClickAsync();
        var waiting = page.Locator("#waiting").GetByRole(AriaRole.Row, new() { Name = question });
        await Assertions.Expect(waiting).ToContainTextAsync("Dee Delegate");
        await SiteBrowser.CheckPageAsync(page, "manage-events-questions");
        await waiting.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The question is on the chair's list.");
        await Assertions.Expect(page.GetByText("No questions are waiting.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "The chair's list" }).ClickAsync();
        var first = page.Locator("#chair-questions li").First;
        await Assertions.Expect(first.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Question 1");
        await Assertions.Expect(first).ToContainTextAsync(question);
        await SiteBrowser.CheckPageAsync(page, "manage-events-chair");

        // Checked in at the door, the delegate rates the workshop 4; the figures page and its CSV say so.
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/events/{e.Id}/check-ins", staff, new { code = registration.GetProperty("checkInCode").GetString() });
        using (var given = await client.PutAsJsonAsync($"{EventsActors.ManagePath(token)}/feedback",
            new { ratings = new[] { new { sessionId = e.Workshops[0], rating = 4 } }, comments = "A useful day." }, Cancel))
            Assert.Equal(HttpStatusCode.OK, given.StatusCode);
        await page.GotoAsync(eventPath);
        await page.GetByRole(AriaRole.Link, new() { Name = "Feedback", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#responses")).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("#session-feedback").GetByRole(AriaRole.Row, new() { Name = "Workshop 1" })).ToContainTextAsync("4.00");
        Assert.Equal(1, await page.Locator("figure svg[role=img]").CountAsync());
        await SiteBrowser.CheckPageAsync(page, "manage-events-feedback");
        var csv = await page.Context.APIRequest.GetAsync($"{eventPath}/feedback.csv");
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("A useful day.", await csv.TextAsync(), StringComparison.Ordinal);

        // Invitation-only from now on: the form sets it, and an invitee's personal link is shown to hand over.
        await page.GotoAsync($"{eventPath}/edit");
        await page.GetByLabel("Invitation only").CheckAsync();
        await page.GetByLabel("Travel and parking (optional)").FillAsync("Free parking behind the stadium.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-list__row", new() { HasText = "Who may register" })).ToContainTextAsync("Invitation only");
        await Assertions.Expect(page.Locator(".govuk-summary-list__row", new() { HasText = "Travel and parking" })).ToContainTextAsync("Free parking behind the stadium.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Invitations" }).ClickAsync();
        var invitee = Addresses.Unique("invitee");
        await page.GetByLabel("Full name").FillAsync("Ivy Invitee");
        await page.GetByLabel("Email address").FillAsync(invitee);
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#invitation-link")).ToContainTextAsync($"/events/{e.Id}/register?invitation=");
        await Assertions.Expect(page.Locator("#invitations").GetByRole(AriaRole.Row, new() { Name = invitee })).ToContainTextAsync("Not yet");
        await SiteBrowser.CheckPageAsync(page, "manage-events-invitations");
        await page.Context.CloseAsync();

        // An organisation's user runs their own training day's speakers, and sees neither staff's pages nor the conference.
        var (_, organisationToken) = await platform.RegisteredOrganisationAsync();
        var day = await platform.Gateway.SendAsync(HttpMethod.Post, "/api/events", organisationToken, new
        {
            title = $"Council training day {Guid.CreateVersion7():N}", kind = "TrainingDay", venue = new { name = "Civic Centre" },
            startsAt = e.StartsAt, endsAt = e.StartsAt.AddHours(6), registrationOpensAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            registrationClosesAt = e.StartsAt.AddDays(-1), capacity = 30,
        });
        var dayPath = $"/manage/events/{day.GetProperty("id").GetGuid()}";
        var organisation = await browser.WithSessionAsync(platform, organisationToken);
        await organisation.GotoAsync(dayPath);
        await Assertions.Expect(organisation.GetByRole(AriaRole.Link, new() { Name = "Pitches and stands" })).ToHaveCountAsync(0);
        await organisation.GetByRole(AriaRole.Link, new() { Name = "Speakers" }).ClickAsync();
        await organisation.GetByRole(AriaRole.Link, new() { Name = "Add a speaker" }).ClickAsync();
        await organisation.GetByLabel("Name", new() { Exact = true }).FillAsync("Sam Speaker");
        await organisation.GetByLabel("Organisation (optional)").FillAsync("Northshire Council");
        await organisation.GetByLabel("They agree to be named on the public programme").CheckAsync();
        await SiteBrowser.CheckPageAsync(organisation, "manage-events-speaker");
        await organisation.GetByRole(AriaRole.Button, new() { Name = "Add the speaker" }).ClickAsync();
        await Assertions.Expect(organisation.Locator("#speakers").GetByRole(AriaRole.Row, new() { Name = "Sam Speaker" })).ToContainTextAsync("Yes");
        await SiteBrowser.CheckPageAsync(organisation, "manage-events-speakers");
        foreach (var (path, status) in new[] { ($"{dayPath}/contributions", 403), ($"{dayPath}/questions", 403), ($"{dayPath}/feedback", 403),
            (eventPath, 404), ($"{eventPath}/invitations", 404), ($"{eventPath}/speakers", 404) })
        {
            var refused = await organisation.GotoAsync(path);
            Assert.True(refused!.Status == status, $"{path}: {refused.Status}, expected {status}");
        }
        await organisation.Context.CloseAsync();
    }

    private static string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, London).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
