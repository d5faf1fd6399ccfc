using System.Net;
using System.Net.Http.Json;
using Platform.TestSupport;

namespace Platform.Notifications.Tests.News;

/// <summary>Notifications' one list, the news posts, pages the way every list does (ServiceDefaults' PageRequest).</summary>
public sealed class NewsPagingTests : IAsyncDisposable
{
    private readonly NotificationsFactory _factory = new();

    [Fact]
    public async Task Out_of_bounds_paging_is_a_400_naming_the_field()
    {
        Assert.Empty(await PagingBounds.UnrefusedAsync(_factory.CreateStaffClient(), "/api/notifications/news"));
    }

    [Fact]
    public async Task Pages_hold_every_post_once_newest_first_and_the_last_holds_the_rest()
    {
        var staff = _factory.CreateStaffClient();
        var created = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await staff.PostAsJsonAsync("/api/notifications/news", new { title = $"Post {i}", body = "b", topic = "news" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            created.Add((await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid());
        }

        var (paged, pages) = await PagingBounds.ReadAllAsync(staff, "/api/notifications/news", pageSize: 2);

        Assert.Equal([2, 2, 1], pages.Select(p => p.GetProperty("items").GetArrayLength()));
        Assert.All(pages, p => Assert.Equal(5, p.GetProperty("total").GetInt32()));
        Assert.Equal(Enumerable.Reverse(created), paged.Select(p => p.GetProperty("id").GetGuid()));
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
