using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Notifications;

namespace Platform.EndToEnd.Tests.Site.Manage.News;

/// <summary>
/// The news desk in the back office: staff write news in Markdown, preview it as Notifications renders it, publish it
/// and a confirmed subscriber gets it; the subscriber figures as charts; and a data-protection request (look up, erase)
/// that only staff holding the data-protection permission can open.
/// </summary>
public sealed class NewsDeskTests(PlatformFixture platform, SiteBrowser browser)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_publish_news_that_reaches_a_confirmed_subscriber_and_a_data_protection_officer_erases_the_address()
    {
        var subscriber = Addresses.Unique("Manage.News");
        using (var publicClient = platform.CreatePublicClient())
            await platform.SubscribeAsync(publicClient, subscriber, ["news"], "immediately");
        var title = $"Back office news {Guid.NewGuid():N}";

        var page = await browser.SignedInAsStaffAsync(platform);
        var h1 = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Back office menu" }).GetByRole(AriaRole.Link, new() { Name = "News" }).ClickAsync();
        await Assertions.Expect(h1).ToHaveTextAsync("News");
        // The first staff account does not hold data-protection: no link, and the page itself is refused.
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Look up or erase an address (data protection)" })).ToHaveCountAsync(0);
        await SiteBrowser.CheckPageAsync(page, "manage-news");

        await page.GetByRole(AriaRole.Link, new() { Name = "Write news" }).ClickAsync();
        await Assertions.Expect(h1).ToHaveTextAsync("Write news");
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("The news").FillAsync("Hello **subscribers**.\n\n- one\n- two");
        await page.GetByLabel("News from the partnership").CheckAsync();
        await page.GetByLabel("District").SelectOptionAsync("Castleton");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

        // The API's refusal, next to the field, with everything typed kept.
        await Assertions.Expect(page.Locator("#district-error")).ToContainTextAsync("have a district");
        await Assertions.Expect(page.GetByLabel("Title")).ToHaveValueAsync(title);
        await Assertions.Expect(page.GetByLabel("The news")).ToHaveValueAsync("Hello **subscribers**.\n\n- one\n- two");
        await Assertions.Expect(page.GetByLabel("News from the partnership")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Publish" })).ToHaveCountAsync(0);
        await SiteBrowser.CheckPageAsync(page, "manage-news-write-error");

        await page.GetByLabel("District").SelectOptionAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        var preview = page.Locator(".manage-preview");
        await Assertions.Expect(preview.Locator("strong")).ToHaveTextAsync("subscribers");
        await Assertions.Expect(preview.Locator("li")).ToHaveCountAsync(2);
        await SiteBrowser.CheckPageAsync(page, "manage-news-preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.GetByText($"“{title}” is published.")).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "manage-news-published");

        var email = await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(subscriber) && m.DecodedSubject() == title, SubscriberMail.MailTimeout);
        Assert.Contains("<strong>subscribers</strong>", email.Decoded());

        await page.GotoAsync("/manage/news/subscribers");
        await Assertions.Expect(h1).ToHaveTextAsync("Subscribers and delivery");
        Assert.True(int.Parse((await page.Locator("#confirmed-subscribers").InnerTextAsync()).Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Confirmed subscribers by topic" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Emails sent each day" })).ToBeVisibleAsync();
        await page.GetByText("The numbers").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Confirmed subscribers by topic" }).GetByRole(AriaRole.Rowheader, new() { Name = "News from the partnership" })).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "manage-news-subscribers");

        var refused = await page.GotoAsync("/manage/news/data-protection");
        Assert.Equal(403, refused!.Status);
        await Assertions.Expect(h1).ToHaveTextAsync("You cannot open this page");
        await page.Context.CloseAsync();

        // A data-protection officer: staff granted the permission by a colleague.
        var admin = await platform.LoginAsStaffAsync();
        var (officerId, officerEmail) = await platform.NewStaffAsync(admin, "dpo.site");
        await platform.Gateway.SendAsync(HttpMethod.Put, $"/gateway/accounts/{officerId}/permissions/data-protection", admin);
        var officer = await browser.SignedInAsync(platform, officerEmail, GatewayActors.InvitedPassword);
        await officer.GotoAsync("/manage/news");
        await officer.GetByRole(AriaRole.Link, new() { Name = "Look up or erase an address (data protection)" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Look up or erase an address");
        await officer.GetByLabel("Email address").FillAsync(subscriber);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
        await Assertions.Expect(officer.Locator("#subscription-status")).ToHaveTextAsync("confirmed");
        await SiteBrowser.CheckPageAsync(officer, "manage-news-data-protection");

        await officer.GetByRole(AriaRole.Button, new() { Name = "Erase this address" }).ClickAsync();
        await Assertions.Expect(officer.GetByText($"Everything held about {subscriber} has been erased.")).ToBeVisibleAsync();
        await officer.GetByLabel("Email address").FillAsync(subscriber);
        await officer.GetByRole(AriaRole.Button, new() { Name = "Look up" }).ClickAsync();
        await Assertions.Expect(officer.GetByText($"No subscription is held for {subscriber}.")).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(officer, "manage-news-data-protection-erased");
        await officer.Context.CloseAsync();
    }
}
