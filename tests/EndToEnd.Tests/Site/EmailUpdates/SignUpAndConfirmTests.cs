using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Notifications;

namespace Platform.EndToEnd.Tests.Site.EmailUpdates;

/// <summary>
/// Signing up on the site: the form, "check your email" (the same page for a known address), the confirmation email's
/// link to a page that confirms nothing until its button is pressed, and "you're signed up".
/// </summary>
public sealed class SignUpAndConfirmTests(PlatformFixture platform, SiteBrowser browser)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Sign_up_then_the_emailed_link_shows_a_confirm_button_and_only_the_button_confirms(bool javaScript)
    {
        var suffix = javaScript ? "" : "-no-script";
        var email = Addresses.Unique("Site.Sign.Up");
        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!, javaScript);

        await page.GotoAsync("/email-updates");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Get email updates");
        await SiteBrowser.CheckPageAsync(page, "email-updates-sign-up" + suffix);

        // Nothing chosen: the errors, each linking to its field, and what was typed kept.
        await page.GetByLabel("Email address").FillAsync("not-an-address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter an email address in the correct format");
        await Assertions.Expect(summary).ToContainTextAsync("Select at least one topic");
        await Assertions.Expect(summary).ToContainTextAsync("Select how often you want to hear from us");
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveValueAsync("not-an-address");
        await Assertions.Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Error: "));
        await SiteBrowser.CheckPageAsync(page, "email-updates-sign-up-errors" + suffix);

        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("News from the partnership").CheckAsync();
        await page.GetByLabel("Volunteering opportunities").CheckAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = "Which districts? (optional)" }).GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await page.GetByLabel("Once a week, in one email").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Uri(platform.Gateway.BaseAddress!, "/email-updates/check-your-email").AbsoluteUri);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        await SiteBrowser.CheckPageAsync(page, "email-updates-check-your-email" + suffix);

        var confirmation = await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(email), SubscriberMail.MailTimeout);
        SubscriberLinks.AssertEveryLinkIsASitePage(confirmation);
        var link = SubscriptionFlowTests.ConfirmationLink(confirmation);
        Assert.Equal("/email-updates/confirm", link.AbsolutePath);

        // Opening the link, as a mail scanner would, confirms nothing.
        await page.GotoAsync(link.PathAndQuery);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Confirm your email updates");
        Assert.Equal(0, await platform.ConfirmedAsync(email));
        await SiteBrowser.CheckPageAsync(page, "email-updates-confirm" + suffix);

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You're signed up");
        Assert.Equal(1, await platform.ConfirmedAsync(email));
        await SiteBrowser.CheckPageAsync(page, "email-updates-signed-up" + suffix);

        // A link that is not (or no longer) valid says so and what to do.
        await page.GotoAsync("/email-updates/confirm?token=not-a-token");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link has expired or is not recognised");
        await SiteBrowser.CheckPageAsync(page, "email-updates-link-not-recognised" + suffix);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Signing_up_with_an_address_already_confirmed_shows_the_identical_page_and_sends_nothing()
    {
        using var publicClient = platform.CreatePublicClient();
        var known = Addresses.Unique("Site.Known");
        await platform.SubscribeAsync(publicClient, known, ["news"], "weekly");
        var fresh = Addresses.Unique("Site.Fresh");

        var answers = new List<string>();
        foreach (var email in new[] { fresh, known })
        {
            var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!, javaScript: false);
            await page.GotoAsync("/email-updates");
            await page.GetByLabel("Email address").FillAsync(email);
            await page.GetByLabel("News from the partnership").CheckAsync();
            await page.GetByLabel("Once a day, in one email").CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
            answers.Add(page.Url + "\n" + await page.Locator("main").InnerHTMLAsync());
            await page.Context.CloseAsync();
        }

        Assert.Equal(answers[0], answers[1]);
        await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(fresh), SubscriberMail.MailTimeout);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.Single(platform.To(known));
    }

    [Fact]
    public async Task The_home_pages_box_takes_the_address_to_the_sign_up_form_without_script()
    {
        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!, javaScript: false);
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Region, new() { Name = "Get email updates" });
        await box.GetByLabel("Email address").FillAsync("home.box@example.org");
        await box.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Get email updates");
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveValueAsync("home.box@example.org");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        await SiteBrowser.CheckPageAsync(page, "email-updates-sign-up-from-home");
        await page.Context.CloseAsync();
    }
}
