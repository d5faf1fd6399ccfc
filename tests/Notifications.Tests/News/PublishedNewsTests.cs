using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Notifications.Tests.News;

/// <summary>The public news archive's reads: anonymous, published posts only, newest first, paged.</summary>
public sealed class PublishedNewsTests : IAsyncDisposable
{
    private readonly NotificationsFactory _factory = new();

    [Fact]
    public async Task Anyone_reads_published_posts_newest_first_and_never_a_draft()
    {
        var ct = TestContext.Current.CancellationToken;
        var older = await _factory.PublishNewsAsync("Older post");
        var newer = await _factory.PublishNewsAsync("Newer post", body: "Some <script>x</script> **bold**.");
        using var draft = await _factory.CreateStaffClient().PostAsJsonAsync("/api/notifications/news",
            new { title = "Secret draft", body = "Not yet.", topic = "news" }, ct);
        var draftId = (await draft.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
        var anonymous = _factory.CreateClient();

        var list = await anonymous.GetFromJsonAsync<JsonElement>("/api/notifications/news/published?pageSize=1", ct);
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var first = Assert.Single(list.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal(newer, first.GetProperty("id").GetGuid());
        Assert.DoesNotContain("<script>", first.GetProperty("bodyHtml").GetString());
        Assert.False(first.TryGetProperty("author", out _));
        var second = await anonymous.GetFromJsonAsync<JsonElement>("/api/notifications/news/published?page=2&pageSize=1", ct);
        Assert.Equal(older, second.GetProperty("items")[0].GetProperty("id").GetGuid());

        var one = await anonymous.GetFromJsonAsync<JsonElement>($"/api/notifications/news/published/{older}", ct);
        Assert.Equal("Older post", one.GetProperty("title").GetString());
        using var hidden = await anonymous.GetAsync($"/api/notifications/news/published/{draftId}", ct);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var staffList = await anonymous.GetAsync("/api/notifications/news", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, staffList.StatusCode);
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
