using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Events;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Site.Events;

/// <summary>
/// Issue 19 on the site, without JavaScript: a restricted training day's form (the code from the link, access and
/// dietary needs by kind, photography consent) refusing an address from elsewhere in plain English and taking one of
/// its own, a full day's waiting list, and the delegate's pages from the manage link: a question for the panel, the
/// feedback survey once checked in, the printable certificate whose code checks, and the delegate list.
/// </summary>
public sealed class ConferenceJourneyTests(PlatformFixture platform, SiteBrowser browser)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_restricted_training_day_refuses_an_outside_address_takes_its_own_and_the_manage_link_asks_rates_and_prints_a_certificate()
    {
        var staff = await platform.LoginAsStaffAsync();
        var startsAt = DateTimeOffset.UtcNow.AddDays(30);
        var title = $"Safeguarding training day {Guid.CreateVersion7():N}";
        var created = await platform.Gateway.SendAsync(HttpMethod.Post, "/api/events", staff, new
        {
            title, summary = "Safeguarding adults at risk, for council and police staff.", kind = "trainingDay",
            venue = new
            {
                name = "Northshire County Hall", address = "1 High Street", postcode = "NS1 1AA", district = "Castleton",
                accessInformation = "Step-free entrance on Mill Lane.", travelAndParking = "Staff car park B.",
            },
            organiser = "Northshire County Council", startsAt, endsAt = startsAt.AddHours(7),
            registrationOpensAt = DateTimeOffset.UtcNow.AddMinutes(-5), registrationClosesAt = startsAt.AddDays(-1),
            capacity = 1, minWorkshops = 0, maxWorkshops = 0, waitlistWhenFull = true,
            audience = new { kind = "restricted", allowedDomains = new[] { "example.org" }, invitationCode = "NORTHSHIRE-TRAINING" },
        });
        var eventId = created.GetProperty("id").GetGuid();
        var keynote = (await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/events/{eventId}/sessions", staff, new
        {
            title = "Safeguarding in practice", kind = "Keynote", startsAt = startsAt.AddHours(1), endsAt = startsAt.AddHours(2), room = "Council chamber",
        })).GetProperty("id").GetGuid();
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/events/{eventId}/publish", staff);

        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!, javaScript: false);
        await page.GotoAsync($"/events/{eventId}");
        await Assertions.Expect(page.GetByText("Addresses at example.org, or with the organiser's invitation code.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Step-free entrance on Mill Lane.")).ToBeVisibleAsync();

        // Arriving by a link with a code that is not the event's, and an address from elsewhere: both are marked, in words.
        await page.GotoAsync($"/events/{eventId}/register?invitation=NOT-THE-CODE");
        await Assertions.Expect(page.GetByLabel("Invitation code")).ToHaveValueAsync("NOT-THE-CODE");
        await page.GetByLabel("Full name").FillAsync("Alex Officer");
        await page.GetByLabel("Email address").FillAsync($"alex.{Guid.NewGuid():N}@gmail.com");
        await page.GetByLabel("Council", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("A hearing loop").CheckAsync();
        await page.GetByLabel("Halal").CheckAsync();
        await page.GetByLabel("Dietary needs (optional)").FillAsync("No sesame, please");
        await Assertions.Expect(page.GetByLabel("No photographs of me")).ToBeCheckedAsync();
        await page.GetByLabel("I agree that the partnership keeps these details").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" });
        await Assertions.Expect(summary).ToContainTextAsync("This event is open only to addresses at example.org");
        await Assertions.Expect(page.Locator("#Form_Email-error")).ToContainTextAsync("gmail.com is not one of them");
        await Assertions.Expect(page.Locator("#Form_InvitationCode-error")).ToContainTextAsync("This is not the event's invitation code");
        await Assertions.Expect(page.GetByLabel("Full name")).ToHaveValueAsync("Alex Officer");
        await Assertions.Expect(page.GetByLabel("A hearing loop")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Dietary needs (optional)")).ToHaveValueAsync("No sesame, please");
        await SiteBrowser.CheckPageAsync(page, "events-register-restricted-refused");

        var email = Addresses.Unique("site-trainee");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Invitation code").FillAsync("");
        await page.GetByLabel("Yes, you may photograph me").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        using var client = platform.CreatePublicClient();
        var token = await platform.ManageTokenFromEmailAsync(email);
        var registered = await client.ManagedAsync(token);
        Assert.True(registered.GetProperty("consentToPhotography").GetBoolean());
        Assert.Equal(["hearingLoop"], registered.GetProperty("accessNeedKinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["halal"], registered.GetProperty("dietaryRequirementKinds").EnumerateArray().Select(k => k.GetString()));

        // The one place is taken: the next person with the event's code joins its waiting list, and is told so.
        await page.GotoAsync($"/events/{eventId}/register?invitation=NORTHSHIRE-TRAINING");
        await page.GetByLabel("Full name").FillAsync("Wren Waiting");
        await page.GetByLabel("Email address").FillAsync($"wren.{Guid.NewGuid():N}@gmail.com");
        await page.GetByLabel("Police", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("I agree that the partnership keeps these details").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You are on the waiting list");
        await Assertions.Expect(page.GetByText("You are number 1 in the queue")).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "events-waiting-list");

        // The emailed link: a question for the panel.
        await page.GotoAsync($"/registrations/{token}");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Tell us what you thought" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ask the panel a question" }).ClickAsync();
        await page.GetByLabel("Your question").FillAsync("How do we refer an adult at risk out of hours?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send your question" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your question has been sent.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "How do we refer an adult at risk out of hours?" })).ToContainTextAsync("Waiting for the moderators");
        await SiteBrowser.CheckPageAsync(page, "events-questions");

        // Checked in at the desk: the feedback survey and the certificate appear.
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/events/{eventId}/check-ins", staff, new { code = registered.GetProperty("checkInCode").GetString() });
        await page.GotoAsync($"/registrations/{token}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tell us what you thought" }).ClickAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Safeguarding in practice" }).GetByLabel("4", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Anything else you would like to tell us?").FillAsync("Clear and practical.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Thank you. Your feedback has been saved.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Group, new() { Name = "Safeguarding in practice" }).GetByLabel("4", new() { Exact = true })).ToBeCheckedAsync();
        await SiteBrowser.CheckPageAsync(page, "events-feedback");
        var feedback = await client.GetFromJsonAsync<JsonElement>($"{EventsActors.ManagePath(token)}/feedback", Cancel);
        Assert.Equal((keynote, 4), (feedback.GetProperty("ratings")[0].GetProperty("sessionId").GetGuid(), feedback.GetProperty("ratings")[0].GetProperty("rating").GetInt32()));

        await page.GotoAsync($"/registrations/{token}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Print your certificate of attendance" }).ClickAsync();
        var certificate = page.GetByRole(AriaRole.Article, new() { Name = "Certificate of attendance" });
        await Assertions.Expect(certificate).ToContainTextAsync("Alex Officer");
        await Assertions.Expect(certificate).ToContainTextAsync(title);
        await Assertions.Expect(certificate).ToContainTextAsync("Northshire County Council");
        await SiteBrowser.CheckPageAsync(page, "events-certificate");
        var check = certificate.GetByRole(AriaRole.Link);
        Assert.Matches(@"^/certificates/[A-Z0-9]{4}(-[A-Z0-9]{4}){4}$", await check.GetAttributeAsync("href"));
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to your registration" })).ToBeHiddenAsync();
        await Assertions.Expect(certificate).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await check.ClickAsync();
        await Assertions.Expect(page.GetByText("This certificate is genuine")).ToBeVisibleAsync();

        // The delegate list: not agreed at registration, so the page asks first; agreeing shows the list.
        await page.GotoAsync($"/registrations/{token}");
        await page.GetByRole(AriaRole.Link, new() { Name = "See the delegate list" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add me to the delegate list" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Alex Officer" })).ToContainTextAsync("Council");
        await SiteBrowser.CheckPageAsync(page, "events-delegate-list");
        await page.Context.CloseAsync();
    }
}
