using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Events;

namespace Platform.EndToEnd.Tests.Site.Events;

/// <summary>
/// The Events pages through the real platform: the list, an event, registering with two of six workshops, the email's
/// manage link, changing choices and cancelling, with and without script and by keyboard alone.
/// </summary>
public sealed class RegistrationJourneyTests(PlatformFixture platform, SiteBrowser browser)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_visitor_registers_for_two_of_six_workshops_then_changes_them_and_cancels_from_the_emails_link(bool javaScript)
    {
        var e = await platform.SixWorkshopsChooseTwoAsync();
        var email = Addresses.Unique(javaScript ? "site-delegate" : "site-delegate-no-script");
        var suffix = javaScript ? "" : "-no-script";
        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!, javaScript);

        await EventsSite.OpenFromListAsync(page, e, "events-list" + suffix);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Workshops", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Choose 2 of these 6 workshops.").First).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "events-event" + suffix);

        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Register for this event");
        await SiteBrowser.CheckPageAsync(page, "events-register" + suffix);
        await page.GetByLabel("Workshop 1", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Workshop 3", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Full name").FillAsync("Dee Delegate");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Organisation (optional)").FillAsync("Northshire Fire and Rescue");
        await page.GetByLabel("Fire and rescue").CheckAsync();
        await page.GetByLabel("Dietary needs (optional)").FillAsync("Vegetarian");
        await page.GetByLabel("I agree that the partnership keeps these details").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

        // The form ends on "check your email": the places are held, the manage link is only in the email.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        Assert.Equal($"/events/{e.Id}/registered", new Uri(page.Url).PathAndQuery);
        await Assertions.Expect(page.GetByText(email)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("the place is released to the next person waiting")).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "events-check-your-email" + suffix);
        using var client = platform.CreatePublicClient();

        // The one click: the email's link opens the registration's page, which confirms the place on arrival.
        var token = await platform.ManageTokenFromEmailAsync(email);
        Assert.False((await client.ManagedAsync(token)).GetProperty("emailConfirmed").GetBoolean());
        await page.GotoAsync($"/registrations/{token}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Registration complete");
        Assert.True((await client.ManagedAsync(token)).GetProperty("emailConfirmed").GetBoolean());
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Add to calendar" })).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "events-registered" + suffix);
        var calendar = await page.Context.APIRequest.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "Add to calendar" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(200, calendar.Status);
        Assert.Contains("BEGIN:VCALENDAR", await calendar.TextAsync());
        var qr = await page.Context.APIRequest.GetAsync(await page.GetByRole(AriaRole.Img).GetAttributeAsync("src") ?? "");
        Assert.Equal("image/png", qr.Headers["content-type"]);

        // Opened again, the same page without the panel.
        await page.GotoAsync($"/registrations/{token}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your registration");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Workshop 1" })).ToContainTextAsync("Place confirmed");
        await SiteBrowser.CheckPageAsync(page, "events-manage" + suffix);

        await page.GetByRole(AriaRole.Link, new() { Name = "Change your workshops" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Workshop 1", new() { Exact = true })).ToBeCheckedAsync();
        await SiteBrowser.CheckPageAsync(page, "events-change-choices" + suffix);
        await page.GetByLabel("Workshop 1", new() { Exact = true }).UncheckAsync();
        await page.GetByLabel("Workshop 6", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your workshops have been changed.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Workshop 6" })).ToBeVisibleAsync();
        var changed = await client.ManagedAsync(token);
        Assert.False(changed.HasChoice(e.Workshops[0]));
        Assert.Equal("confirmed", changed.ChoiceStatus(e.Workshops[5]));

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel registration" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Are you sure you want to cancel your registration?");
        await SiteBrowser.CheckPageAsync(page, "events-cancel" + suffix);
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, cancel my registration" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your registration has been cancelled.")).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "events-cancelled" + suffix);
        Assert.Equal("cancelled", (await client.ManagedAsync(token)).GetProperty("status").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_visitor_registers_by_keyboard_alone()
    {
        var e = await platform.SixWorkshopsChooseTwoAsync();
        var email = Addresses.Unique("site-keyboard");
        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!);
        await page.GotoAsync($"/events/{e.Id}");

        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Register" }));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Register for this event");

        await TabToAsync(page, page.GetByLabel("Workshop 2", new() { Exact = true }));
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, page.GetByLabel("Workshop 5", new() { Exact = true }));
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, page.GetByLabel("Full name"));
        await page.Keyboard.TypeAsync("Kay Board");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(email);
        await TabToAsync(page, page.GetByLabel("Police", new() { Exact = true }));
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, page.GetByLabel("I agree that the partnership keeps these details"));
        await page.Keyboard.PressAsync("Space");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        using var client = platform.CreatePublicClient();
        var registration = await client.ManagedAsync(await platform.ManageTokenFromEmailAsync(email));
        Assert.Equal("police", registration.GetProperty("sector").GetString());
        Assert.Equal("confirmed", registration.ChoiceStatus(e.Workshops[1]));
        Assert.Equal("confirmed", registration.ChoiceStatus(e.Workshops[4]));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Mistakes_are_listed_in_an_error_summary_whose_links_move_to_the_field_and_keep_what_was_typed()
    {
        var e = await platform.SixWorkshopsChooseTwoAsync();
        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!);
        await page.GotoAsync($"/events/{e.Id}/register");

        await page.GetByLabel("Workshop 1", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Full name").FillAsync("Mo Stake");
        await page.GetByLabel("Email address").FillAsync("not-an-email");
        await page.GetByLabel("Council").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" });
        await Assertions.Expect(summary).ToBeVisibleAsync();
        Assert.StartsWith("Error: ", await page.TitleAsync());
        await Assertions.Expect(summary.GetByRole(AriaRole.Link)).ToHaveTextAsync([
            "Choose 2 workshops; you chose 1",
            "Enter an email address in the correct format, like name@example.com",
            "Confirm that we may keep your details to run the event",
        ]);
        await SiteBrowser.CheckPageAsync(page, "events-register-errors");

        // What was typed is still there.
        await Assertions.Expect(page.GetByLabel("Full name")).ToHaveValueAsync("Mo Stake");
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveValueAsync("not-an-email");
        await Assertions.Expect(page.GetByLabel("Workshop 1", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Council")).ToBeCheckedAsync();

        foreach (var (message, field) in new[]
                 {
                     ("Choose 2 workshops; you chose 1", "Form_Choices"),
                     ("Enter an email address in the correct format, like name@example.com", "Form_Email"),
                     ("Confirm that we may keep your details to run the event", "Form_Consent"),
                 })
        {
            await summary.GetByRole(AriaRole.Link, new() { Name = message }).ClickAsync();
            await Assertions.Expect(page.Locator($"#{field}")).ToBeFocusedAsync();
        }

        // The API's own refusal of the same address twice reads in plain English.
        using var client = platform.CreatePublicClient();
        var taken = Addresses.Unique("site-taken");
        await client.RegisterOkAsync(e, EventsActors.Delegate(taken, e.Workshops[0], e.Workshops[2]));
        await page.GetByLabel("Workshop 3", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Email address").FillAsync(taken);
        await page.GetByLabel("I agree that the partnership keeps these details").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await Assertions.Expect(summary).ToContainTextAsync("This email address is already registered for this event");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_manage_link_says_so_plainly()
    {
        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!, javaScript: false);
        var response = await page.GotoAsync("/registrations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link has expired or is not recognised");
        await SiteBrowser.CheckPageAsync(page, "events-link-not-recognised");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_home_page_shows_upcoming_events()
    {
        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!, javaScript: false);
        await platform.SixWorkshopsChooseTwoAsync();
        await page.GotoAsync("/");
        var section = page.GetByRole(AriaRole.Region, new() { Name = "Events" });
        await SiteBrowser.ReloadUntilShownAsync(page, section.GetByRole(AriaRole.Listitem));
        await Assertions.Expect(section.GetByRole(AriaRole.Link, new() { Name = "See all events" })).ToBeVisibleAsync();
        Assert.True(await section.GetByRole(AriaRole.Listitem).CountAsync() >= 1);
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab until the element has focus: the way a keyboard user reaches it.</summary>
    private static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 200; presses++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {target}.");
    }
}
