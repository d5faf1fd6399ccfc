using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Events;
using Platform.EndToEnd.Tests.Volunteers;

namespace Platform.EndToEnd.Tests.Site.Manage.Events;

/// <summary>
/// The staff Events pages through the real platform: staff build a conference of six workshops and a keynote, set
/// its 2-of-6 choice rule and publish it; a delegate registers; staff find them, check them in at the desk by their
/// short code, and see them as attended on the report, with its charts, tables and CSV. Every page is checked with axe
/// and photographed.
/// </summary>
public sealed class EventsDeskTests(PlatformFixture platform, SiteBrowser browser)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public async Task Staff_build_and_publish_a_two_of_six_conference_check_a_delegate_in_and_see_them_on_the_report()
    {
        var page = await browser.SignedInAsStaffAsync(platform);
        var title = $"Desk Conference {Guid.CreateVersion7():N}";
        var day = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, London).Date.AddDays(30);

        await page.GotoAsync("/manage/events");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Events");
        await SiteBrowser.CheckPageAsync(page, "manage-events-list");

        // The event, as a draft.
        await page.GetByRole(AriaRole.Link, new() { Name = "Create an event" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Create an event");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft event" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the event's title");
        await SiteBrowser.CheckPageAsync(page, "manage-events-new-errors");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Conference", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Venue name").FillAsync("County Stadium");
        await page.GetByLabel("District (optional)").SelectOptionAsync("Castleton");
        await page.GetByLabel("Starts", new() { Exact = true }).FillAsync(Local(day.AddHours(9)));
        await page.GetByLabel("Ends", new() { Exact = true }).FillAsync(Local(day.AddHours(17)));
        await page.GetByLabel("Registration opens").FillAsync(Local(TimeZoneInfo.ConvertTime(DateTime.UtcNow, London).AddHours(-1)));
        await page.GetByLabel("Registration closes").FillAsync(Local(day.AddDays(-1)));
        await page.GetByLabel("Places at the event").FillAsync("50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft event" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        var eventPath = new Uri(page.Url).AbsolutePath;
        var eventId = Guid.Parse(eventPath.Split('/')[^1], CultureInfo.InvariantCulture);
        await SiteBrowser.CheckPageAsync(page, "manage-events-event-draft");

        // The programme: a keynote, then six workshops two to an hour, so a delegate can take two at different times.
        await AddToProgrammeAsync(page, "Opening keynote", "Keynote", day.AddHours(9), capacity: null, screenshot: "manage-events-session");
        for (var i = 0; i < 6; i++)
            await AddToProgrammeAsync(page, $"Workshop {i + 1}", "Workshop", day.AddHours(10 + i / 2), capacity: 10, screenshot: null);
        await Assertions.Expect(page.GetByText("Delegates choose no workshops")).ToBeVisibleAsync();

        await page.GetByLabel("Fewest workshops a delegate chooses").FillAsync("2");
        await page.GetByLabel("Most workshops a delegate chooses").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save choice rule" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Choice rule saved: Delegates choose 2 of 6 workshops.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("The event is published")).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "manage-events-event-published");

        // A delegate registers for two of the six, as the public does (through the API here: the public pages have their own tests).
        using var publicClient = platform.CreatePublicClient();
        var published = await publicClient.GetFromJsonAsync<JsonElement>($"/api/events/{eventId}", Cancel);
        Assert.Equal(2, published.GetProperty("choiceRules").GetProperty("minWorkshops").GetInt32());
        var workshops = published.GetProperty("programme").EnumerateArray()
            .Where(s => s.GetProperty("kind").GetString() == "workshop").Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(6, workshops.Count);
        var e = new TestEvent(eventId, title, new DateTimeOffset(day), workshops);
        var email = Addresses.Unique("desk-delegate");
        var registration = await publicClient.RegisterOkAsync(e, EventsActors.Delegate(email, workshops[0], workshops[2]));
        var code = registration.GetProperty("checkInCode").GetString()!;

        // Staff find the delegate among the registrations and on the first workshop's list.
        await page.GetByRole(AriaRole.Link, new() { Name = "Registrations", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Registrations");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = email })).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "manage-events-registrations");
        await page.GotoAsync($"{eventPath}/workshops/{workshops[0]}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Dee Delegate" })).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "manage-events-workshop");

        // The desk: a wrong code is refused in plain English; the delegate's, typed as read aloud, checks them in.
        await page.GotoAsync($"{eventPath}/check-in");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check-in desk");
        await Assertions.Expect(page.Locator("#desk-count")).ToHaveTextAsync("0 of 1 registered delegates checked in.");
        await SiteBrowser.CheckPageAsync(page, "manage-events-check-in");
        await page.GetByLabel("Check-in code").FillAsync("AAAA-AAAA");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("No registration for this event has the code AAAA-AAAA");
        await SiteBrowser.CheckPageAsync(page, "manage-events-check-in-unknown");
        await page.GetByLabel("Check-in code").FillAsync($"{code[..4].ToLowerInvariant()}-{code[4..].ToLowerInvariant()}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Check in", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Checked in", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Dee Delegate");
        await Assertions.Expect(page.Locator("#desk-count")).ToHaveTextAsync("1 of 1 registered delegates checked in.");
        await SiteBrowser.CheckPageAsync(page, "manage-events-checked-in");

        // The report: the delegate as attended, in the chart's numbers and in the list of who came; the CSV says so too.
        await page.GotoAsync(eventPath);
        await page.GetByRole(AriaRole.Link, new() { Name = "Report", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Report");
        // Registrations over time, workshops, sectors, access needs, dietary requirements, attendance.
        Assert.Equal(6, await page.Locator("figure svg[role=img]").CountAsync());
        var attendance = page.Locator("figure", new() { Has = page.Locator("#attendance-title") });
        await attendance.GetByText("The numbers").ClickAsync();
        await Assertions.Expect(attendance.GetByRole(AriaRole.Row, new() { Name = "Checked in 1", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#checked-in").GetByRole(AriaRole.Row, new() { Name = "Dee Delegate" })).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "manage-events-report");
        var csv = await page.Context.APIRequest.GetAsync($"{eventPath}/report/registrations.csv");
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
        var row = (await csv.TextAsync()).Split("\r\n").Single(l => l.Contains(email, StringComparison.Ordinal));
        Assert.Matches(@",\d{4}-\d\d-\d\d \d\d:\d\d,\d{4}-\d\d-\d\d \d\d:\d\d,", row);
        await page.Context.CloseAsync();

        // An organisation's user signed in to the back office cannot open the event's pages: it is not their organisation's.
        var (_, organisationSession) = await platform.RegisteredOrganisationAsync();
        var outsider = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!);
        await outsider.Context.AddCookiesAsync([new Cookie
        {
            Name = ManageBrowser.SessionCookie, Value = organisationSession, Domain = platform.Gateway.BaseAddress!.Host, Path = "/",
            Secure = true, HttpOnly = true, SameSite = SameSiteAttribute.Strict,
        }]);
        foreach (var path in new[] { $"{eventPath}/report", $"{eventPath}/check-in", $"{eventPath}/report/registrations.csv" })
        {
            var refused = await outsider.GotoAsync(path);
            Assert.Equal(404, refused!.Status);
        }
        await Assertions.Expect(outsider.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await SiteBrowser.CheckPageAsync(outsider, "manage-events-refused");
        await outsider.Context.CloseAsync();
    }

    private static async Task AddToProgrammeAsync(IPage page, string title, string kind, DateTime startsAt, int? capacity, string? screenshot)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Add to the programme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Add to the programme");
        if (screenshot is not null) await SiteBrowser.CheckPageAsync(page, screenshot);
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel(kind, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Starts (UK time)").FillAsync(Local(startsAt));
        await page.GetByLabel("Ends (UK time)").FillAsync(Local(startsAt.AddHours(1)));
        await page.GetByLabel("Places", new() { Exact = true }).FillAsync(capacity?.ToString(CultureInfo.InvariantCulture) ?? "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to the programme" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToBeVisibleAsync();
    }

    private static string Local(DateTime at) => at.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
