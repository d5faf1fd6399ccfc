using System.Net;
using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Notifications;

namespace Platform.EndToEnd.Tests.Site.EmailUpdates;

/// <summary>
/// The links in subscriber emails: manage preferences, delete my details, the unsubscribe page's button, and RFC 8058
/// one-click as a mail client sends it (a plain POST, no cookie or antiforgery token).
/// </summary>
[Collection(DisturbsPlatformCollection.Name)]
public sealed class ManageAndUnsubscribeTests(PlatformFixture platform, SiteBrowser browser)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_news_emails_manage_link_changes_the_choices_then_deletes_the_details_after_asking()
    {
        using var publicClient = platform.CreatePublicClient();
        var email = Addresses.Unique("Site.Manage");
        await platform.SubscribeAsync(publicClient, email, ["news"], "immediately");
        var title = $"Manage news {Guid.NewGuid():N}";
        await platform.PublishNewsAsync(title);
        var news = await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(email) && m.DecodedSubject() == title, SubscriberMail.MailTimeout);
        SubscriberLinks.AssertEveryLinkIsASitePage(news);
        var manage = SubscriberLinks.Link(news, "manage");

        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!);
        await page.GotoAsync(manage.PathAndQuery);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Manage your email updates");
        await Assertions.Expect(page.GetByText(email)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("News from the partnership")).ToBeCheckedAsync();
        await SiteBrowser.CheckPageAsync(page, "email-updates-manage");

        // Nothing left chosen: an error, and nothing changes.
        await page.GetByLabel("News from the partnership").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select at least one topic");
        await SiteBrowser.CheckPageAsync(page, "email-updates-manage-errors");

        await page.GetByLabel("Conferences and training days").CheckAsync();
        await page.GetByLabel("Awards", new() { Exact = false }).CheckAsync();
        await page.GetByLabel("Once a day, in one email").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your choices have been saved")).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "email-updates-manage-saved");
        var saved = await platform.SubscriptionAsync(manage);
        Assert.Equal("daily", saved!.Value.GetProperty("frequency").GetString());
        Assert.Equal(["awards", "events"], saved.Value.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).Order().ToArray());

        await page.GetByRole(AriaRole.Link, new() { Name = "Delete my details" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Are you sure you want to delete your details?");
        Assert.NotNull(await platform.SubscriptionAsync(manage)); // asking deletes nothing
        await SiteBrowser.CheckPageAsync(page, "email-updates-delete");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete my details" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your details have been deleted");
        await SiteBrowser.CheckPageAsync(page, "email-updates-deleted");
        Assert.Null(await platform.SubscriptionAsync(manage));
        Assert.Equal(0, await platform.App.CountAsync("notificationsdb", "SELECT count(*) FROM subscriber WHERE normalized_email = @e", ("e", email.ToLowerInvariant())));

        var response = await page.GotoAsync(manage.PathAndQuery);
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link has expired or is not recognised");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_unsubscribe_page_stops_the_emails_only_when_its_button_is_pressed_without_script()
    {
        using var publicClient = platform.CreatePublicClient();
        var email = Addresses.Unique("Site.Unsubscribe");
        await platform.SubscribeAsync(publicClient, email, ["news"], "immediately");
        var title = $"Unsubscribe news {Guid.NewGuid():N}";
        await platform.PublishNewsAsync(title);
        var news = await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(email) && m.DecodedSubject() == title, SubscriberMail.MailTimeout);
        var unsubscribe = SubscriberLinks.Link(news, "unsubscribe");

        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!, javaScript: false);
        await page.GotoAsync(unsubscribe.PathAndQuery);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Stop your email updates");
        Assert.Equal(1, await platform.ConfirmedAsync(email));
        await SiteBrowser.CheckPageAsync(page, "email-updates-unsubscribe");

        await page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You have unsubscribed");
        await SiteBrowser.CheckPageAsync(page, "email-updates-unsubscribed");
        Assert.Equal(0, await platform.ConfirmedAsync(email));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task One_click_unsubscribe_works_for_a_mail_client_posting_to_the_header_url_with_no_cookie_or_token()
    {
        using var publicClient = platform.CreatePublicClient();
        var email = Addresses.Unique("Site.OneClick");
        await platform.SubscribeAsync(publicClient, email, ["news"], "immediately");
        var title = $"One-click news {Guid.NewGuid():N}";
        await platform.PublishNewsAsync(title);
        var news = await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(email) && m.DecodedSubject() == title, SubscriberMail.MailTimeout);

        Assert.Equal("List-Unsubscribe=One-Click", news.Header("List-Unsubscribe-Post"));
        var header = new Uri(news.Header("List-Unsubscribe")!.Trim('<', '>'));
        // The same subscriber's token as the body's link to the site's page.
        Assert.Equal(SubscriberLinks.Token(SubscriberLinks.Link(news, "unsubscribe")), header.Segments[^1]);

        using var mailClient = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        using var oneClick = await mailClient.PostAsync(header.PathAndQuery,
            new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]), Cancel);
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(0, await platform.ConfirmedAsync(email));
    }

    [Fact]
    public async Task Every_link_in_a_digest_opens_a_site_page()
    {
        using var publicClient = platform.CreatePublicClient();
        var email = Addresses.Unique("Site.Digest");
        await platform.SubscribeAsync(publicClient, email, ["news"], "daily");
        await platform.PublishNewsAsync($"Digest news {Guid.NewGuid():N}");
        await platform.AdvanceClockAsync("notifications", TimeSpan.FromDays(1));

        var digest = await platform.App.GetMailbox("mail").WaitForAsync(
            m => m.IsTo(email) && m.DecodedSubject().StartsWith("Your daily update", StringComparison.Ordinal), SubscriberMail.MailTimeout);
        SubscriberLinks.AssertEveryLinkIsASitePage(digest);
        Assert.NotNull(SubscriberLinks.Link(digest, "manage"));
        Assert.NotNull(SubscriberLinks.Link(digest, "unsubscribe"));
    }
}
