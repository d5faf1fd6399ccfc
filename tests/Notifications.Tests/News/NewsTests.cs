using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Notifications.News;

namespace Platform.Notifications.Tests.News;

public sealed class NewsTests : IAsyncDisposable
{
    private readonly NotificationsFactory _factory = new();

    [Fact]
    public void Markdown_is_rendered_and_anything_active_is_removed()
    {
        var html = NewsMarkdown.ToHtml("""
            # Hello **world**
            <script>alert(1)</script>
            [safe](https://example.org/a?b=1) [bad](javascript:alert(1)) ![beacon](https://tracker.example/p.png)
            <img src=x onerror=alert(1)>
            """);

        Assert.Contains("<strong>world</strong>", html);
        Assert.Contains("<a href=\"https://example.org/a?b=1\">safe</a>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html.Replace("&lt;", "<"), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task Publishing_emails_only_confirmed_immediate_subscribers_of_the_topic_and_district_once()
    {
        await _factory.SubscribeAsync("news-now@example.org", ["news"], "immediately");
        await _factory.SubscribeAsync("news-daily@example.org", ["news"], "daily");
        await _factory.SubscribeAsync("north@example.org", ["events"], "immediately", ["Castleton"]);
        await _factory.SubscribeAsync("south@example.org", ["events"], "immediately", ["Brookmere"]);
        await _factory.SubscribeAsync("anywhere@example.org", ["events"], "immediately");
        using (await _factory.CreateClient().PostAsJsonAsync("/api/notifications/subscriptions",
            new { email = "pending@example.org", topics = new[] { "news", "events" }, frequency = "immediately" })) { }

        await _factory.PublishNewsAsync("County news <b>", body: "Line with <script>x</script> and **bold**");
        await _factory.PublishNewsAsync("North event", topic: "events", district: "Castleton");
        await _factory.WaitForEmailsAsync(6 + 3);

        var news = Assert.Single(_factory.To("news-now@example.org"), e => e.Subject.StartsWith("County news", StringComparison.Ordinal));
        Assert.Equal("County news <b>", news.Subject);
        Assert.Contains("County news &lt;b&gt;", news.HtmlBody);
        Assert.Contains("<strong>bold</strong>", news.HtmlBody);
        Assert.DoesNotContain("<script>", news.HtmlBody);
        Assert.Contains("Line with <script>x</script>", news.TextBody); // plain text is never interpreted
        Assert.Single(_factory.To("north@example.org"), e => e.Subject == "North event");
        Assert.Single(_factory.To("anywhere@example.org"), e => e.Subject == "North event");
        Assert.DoesNotContain(_factory.To("south@example.org"), e => e.Subject == "North event");
        Assert.DoesNotContain(_factory.To("news-daily@example.org"), e => e.Subject.StartsWith("County news", StringComparison.Ordinal));
        Assert.Single(_factory.To("pending@example.org")); // the confirmation only

        // Publishing again is a conflict and sends nothing more.
        var id = await _factory.WithDbAsync(db => db.NewsPosts.Where(p => p.Title == "North event").Select(p => p.Id).SingleAsync());
        using var again = await _factory.CreateStaffClient().PostAsync($"/api/notifications/news/{id}/publish", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        await Task.Delay(500);
        Assert.Single(_factory.To("north@example.org"), e => e.Subject == "North event");
    }

    [Fact]
    public async Task A_preview_is_the_html_the_draft_is_sent_with_and_stores_nothing()
    {
        var news = new { title = " Preview ", body = "Hello **there** <script>x</script> [link](https://example.org)", topic = "events", district = "castleton" };
        using var staff = _factory.CreateStaffClient();

        using var preview = await staff.PostAsJsonAsync("/api/notifications/news/preview", news);
        var shown = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.NewsPosts.CountAsync()));

        using var created = await staff.PostAsJsonAsync("/api/notifications/news", news);
        var draft = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(draft.GetProperty("bodyHtml").GetString(), shown.GetProperty("bodyHtml").GetString());
        Assert.Contains("<strong>there</strong>", shown.GetProperty("bodyHtml").GetString());
        Assert.Equal("Preview", shown.GetProperty("title").GetString());
        Assert.Equal(draft.GetProperty("district").GetString(), shown.GetProperty("district").GetString());

        using var bad = await staff.PostAsJsonAsync("/api/notifications/news/preview", news with { body = " " });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("body", out _));
    }

    [Theory]
    [InlineData("""{"title":"Two\r\nBcc: x@example.org","body":"b","topic":"news"}""", "title")]
    [InlineData("""{"title":"T","body":"","topic":"news"}""", "body")]
    [InlineData("""{"title":"T","body":"b","topic":"gossip"}""", "topic")]
    [InlineData("""{"title":"T","body":"b","topic":"news","district":"Castleton"}""", "district")]
    [InlineData("""{"title":"T","body":"b","topic":"events","district":"Atlantis"}""", "district")]
    public async Task Bad_news_is_a_problem_naming_the_field_and_stores_nothing(string body, string field)
    {
        using var response = await _factory.CreateStaffClient().PostAsync("/api/notifications/news",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.NewsPosts.CountAsync()));
    }

    [Fact]
    public async Task Only_staff_write_news()
    {
        using var anonymous = await _factory.CreateClient().PostAsJsonAsync("/api/notifications/news", new { title = "T", body = "b", topic = "news" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
