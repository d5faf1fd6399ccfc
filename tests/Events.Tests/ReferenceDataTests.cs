using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Events.Catalogue;

namespace Platform.Events.Tests;

/// <summary>The platform's one list of districts (ServiceDefaults) and its one enum spelling, as Events applies them.</summary>
public sealed class ReferenceDataTests(PostgresServer postgres) : IAsyncLifetime
{
    private EventsFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await EventsFactory.StartAsync(postgres);

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_venue_outside_the_countys_districts_is_a_validation_problem_naming_them()
    {
        var request = TestEvents.Request(_factory.Time.GetUtcNow());
        request = request with { Venue = request.Venue! with { District = "Atlantis" } };

        using var response = await _factory.CreateStaffClient().PostAsJsonAsync("/api/events", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = Assert.Single(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
            .GetProperty("errors").GetProperty("venue.district").EnumerateArray()).GetString();
        Assert.Contains("Atlantis", message);
        Assert.Contains("Ashford Vale, Brookmere, Castleton", message);
    }

    [Fact]
    public async Task A_district_is_stored_in_the_lists_spelling_and_filtering_by_an_unknown_one_is_a_validation_problem()
    {
        var request = TestEvents.Request(_factory.Time.GetUtcNow());
        request = request with { Venue = request.Venue! with { District = "  castleton " } };
        var created = await (await _factory.CreateStaffClient().PostAsJsonAsync("/api/events", request)).ReadAsync<EventDetail>();

        using var unknown = await _factory.CreateClient().GetAsync("/api/events?district=Atlantis");

        Assert.Equal("Castleton", created.Venue.District);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Castleton", await unknown.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("conference")]   // the platform's spelling
    [InlineData("Conference")]   // the spelling Events wrote before, still accepted
    public async Task Enums_are_written_in_camel_case_and_read_in_either_spelling(string kind)
    {
        var staff = _factory.CreateStaffClient();
        // No workshops to choose, so it can be published as it is.
        var body = JsonSerializer.SerializeToNode(TestEvents.Request(_factory.Time.GetUtcNow(), min: 0, max: 0), Json.Options)!.AsObject();
        body["kind"] = kind;

        using var created = await staff.PostAsync("/api/events", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        var detail = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        await staff.PostAsync($"/api/events/{detail["id"]}/publish", null);
        using var listed = await _factory.CreateClient().GetAsync($"/api/events?kind={kind}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("conference", detail["kind"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var items = JsonNode.Parse(await listed.Content.ReadAsStringAsync())!["items"]!.AsArray();
        Assert.Contains(items, i => i!["id"]!.GetValue<string>() == detail["id"]!.GetValue<string>());
    }
}
