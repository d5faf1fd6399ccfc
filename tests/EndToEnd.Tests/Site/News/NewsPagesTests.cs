using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Notifications;

namespace Platform.EndToEnd.Tests.Site.News;

/// <summary>The public news archive, a post's page and the home page's latest news: published posts only.</summary>
public sealed class NewsPagesTests(PlatformFixture platform, SiteBrowser browser)
{
    [Fact]
    public async Task A_published_post_appears_on_the_archive_its_page_and_the_home_page_and_a_draft_nowhere()
    {
        var title = $"Safer roads week {Guid.NewGuid():N}";
        await MakeTheNextPostTheNewestAsync();
        var id = await platform.PublishNewsAsync(title, body: "## What is on\n\nA **road safety** day. <script>alert(1)</script> [More](https://example.org/roads)");
        var staff = await platform.LoginAsStaffAsync();
        var draftTitle = $"Not yet {Guid.NewGuid():N}";
        var draft = await platform.Gateway.SendAsync(HttpMethod.Post, "/api/notifications/news", staff,
            new { title = draftTitle, body = "Embargoed.", topic = "news" });
        var draftId = draft.GetProperty("id").GetGuid();

        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!, javaScript: false);
        await page.GotoAsync("/news");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("News");
        // Newest first: the post just published heads the list.
        await Assertions.Expect(page.Locator(".app-news-list li h2").First).ToHaveTextAsync(title);
        await Assertions.Expect(page.GetByText(draftTitle)).ToHaveCountAsync(0);
        await SiteBrowser.CheckPageAsync(page, "news");

        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        Assert.EndsWith($"/news/{id}", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "What is on" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".app-news-body strong")).ToHaveTextAsync("road safety");
        await Assertions.Expect(page.Locator(".app-news-body script")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "More" })).ToHaveAttributeAsync("href", "https://example.org/roads");
        await SiteBrowser.CheckPageAsync(page, "news-post");

        var hidden = await page.GotoAsync($"/news/{draftId}");
        Assert.Equal(404, hidden!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");

        await page.GotoAsync("/");
        var latest = page.GetByRole(AriaRole.Region, new() { Name = "Latest news" });
        await SiteBrowser.ReloadUntilShownAsync(page, latest.GetByRole(AriaRole.Link, new() { Name = title }));
        await Assertions.Expect(latest.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        Assert.InRange(await latest.GetByRole(AriaRole.Listitem).CountAsync(), 1, 3);
        await Assertions.Expect(page.GetByText(draftTitle)).ToHaveCountAsync(0);
        await SiteBrowser.CheckPageAsync(page, "news-home");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// A service restarted earlier in the run (ResourceCrashTests restarts Notifications) starts its clock afresh, so a
    /// post published before the restart may carry a later time than one published now. Moving Notifications' clock
    /// past the newest post makes the next post really the newest, as it would be on a platform whose clock is real.
    /// </summary>
    private async Task MakeTheNextPostTheNewestAsync()
    {
        var now = await platform.AdvanceClockAsync("notifications", TimeSpan.Zero);
        using var response = await platform.Gateway.GetAsync("/api/notifications/news/published?pageSize=1", TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var newest = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var items = newest.RootElement.GetProperty("items");
        if (items.GetArrayLength() == 0) return;
        var publishedAt = items[0].GetProperty("publishedAt").GetDateTimeOffset();
        if (publishedAt >= now) await platform.AdvanceClockAsync("notifications", publishedAt - now + TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task The_archive_pages_ten_posts_at_a_time()
    {
        for (var i = 0; i < 11; i++) await platform.PublishNewsAsync($"Paging post {i} {Guid.NewGuid():N}");

        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!);
        await page.GotoAsync("/news");
        await Assertions.Expect(page.Locator(".app-news-list > li")).ToHaveCountAsync(10);
        var pages = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of news" });
        await pages.GetByRole(AriaRole.Link, new() { Name = "Older news" }).ClickAsync();
        Assert.EndsWith("/news?page=2", page.Url);
        await Assertions.Expect(page.Locator(".app-news-list > li").First).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "news-page-2");
        await page.Context.CloseAsync();
    }
}
