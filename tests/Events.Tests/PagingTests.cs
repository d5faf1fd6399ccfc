using System.Text.Json;
using Platform.TestSupport;

namespace Platform.Events.Tests;

/// <summary>Events' lists page the way every list does (ServiceDefaults' PageRequest).</summary>
public sealed class PagingTests(PostgresServer postgres) : IAsyncLifetime
{
    private EventsFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await EventsFactory.StartAsync(postgres);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Every_list_answers_out_of_bounds_paging_with_400_naming_the_field()
    {
        Assert.Empty(await PagingBounds.UnrefusedAsync(_factory.CreateClient(), "/api/events"));
        Assert.Empty(await PagingBounds.UnrefusedAsync(_factory.CreateStaffClient(), "/api/events/all"));
    }

    [Fact]
    public async Task The_document_describes_each_list_s_page_and_page_size_with_their_bounds()
    {
        var document = JsonDocument.Parse(await _factory.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;

        foreach (var path in new[] { "/api/events", "/api/events/all" })
        {
            var operation = document.GetProperty("paths").GetProperty(path).GetProperty("get");
            var parameters = operation.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
            Assert.Equal(10_000, parameters["page"].GetProperty("schema").GetProperty("maximum").GetInt32());
            Assert.Equal(100, parameters["pageSize"].GetProperty("schema").GetProperty("maximum").GetInt32());
            Assert.False(parameters.ContainsKey("paging"), path);
            Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _), path);
        }
    }

    [Theory]
    [InlineData("/api/events")]
    [InlineData("/api/events/all")]
    public async Task Pages_hold_every_event_once_in_a_stable_order_and_the_last_holds_the_rest(string path)
    {
        // Created alike, so they start at the same instant: only the tie-break on id keeps the order stable.
        for (var i = 0; i < 5; i++) await TestEvents.CreatePublishedAsync(_factory, workshops: [new(10, 0)]);
        var client = _factory.CreateStaffClient();

        var (paged, pages) = await PagingBounds.ReadAllAsync(client, path, pageSize: 2);
        var (whole, _) = await PagingBounds.ReadAllAsync(client, path, pageSize: 100);

        Assert.Equal([2, 2, 1], pages.Select(p => p.GetProperty("items").GetArrayLength()));
        Assert.All(pages, p => Assert.Equal(5, p.GetProperty("total").GetInt32()));
        Assert.Equal([1, 2, 3], pages.Select(p => p.GetProperty("page").GetInt32()));
        Assert.Equal(whole.Select(e => e.GetProperty("id").GetGuid()), paged.Select(e => e.GetProperty("id").GetGuid()));
        Assert.Equal(5, paged.Select(e => e.GetProperty("id").GetGuid()).Distinct().Count());
    }
}
