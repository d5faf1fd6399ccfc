using System.Net;
using System.Text;
using System.Text.Json;

namespace Platform.Gateway.Tests;

/// <summary>
/// The edge refuses control characters before anything is proxied: in JSON bodies (tab and line breaks aside, which
/// free text may hold; the services refuse them in single-line fields) and in query parameters.
/// </summary>
public sealed class TextRuleTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Registrations = "/api/events/0195f0a2-0000-7000-8000-000000000001/registrations";

    [Theory]
    [InlineData("""{"name": "Ann\u0000Smith", "email": "ann@example.org"}""", "name")]
    [InlineData("""{"name": "Ann", "email": "ann\u001b@example.org"}""", "email")]
    [InlineData("""{"name": "Ann", "choices": ["a", "b\u0000"]}""", "choices[1]")]
    [InlineData("""{"attendee": {"dietaryNeeds": "none\u0007"}}""", "attendee.dietaryNeeds")]
    [InlineData("""{"name": "Ann", "sneaky\u0000": 1}""", "sneaky\\u0000")]
    [InlineData("\"\\u0000\"", "$")]
    public async Task A_json_body_with_a_control_character_is_refused_at_the_edge(string body, string field)
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = upstream.Address });

        using var response = await gateway.CreateClient().PostAsync(
            Registrations, new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
        Assert.Empty(upstream.Received);
    }

    [Fact]
    public async Task Line_breaks_and_tabs_pass_the_edge_unchanged()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = upstream.Address });
        const string body = """{"name": "Ann", "accessibilityNeeds": "Step-free access.\r\n\tA hearing loop."}""";

        using var response = await gateway.CreateClient().PostAsync(
            Registrations, new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body, Assert.Single(upstream.Received).Body);
    }

    [Theory]
    [InlineData("/api/events?district=a%00b", "district")]
    [InlineData("/api/events?district=a%0Db", "district")]
    [InlineData("/api/events?q=%7F", "q")]
    public async Task A_query_parameter_with_a_control_character_is_refused_at_the_edge(string url, string field)
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = upstream.Address });

        using var response = await gateway.CreateClient().GetAsync(url, Cancel);

        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), text);
        Assert.Empty(upstream.Received);
    }

    [Fact]
    public async Task The_gateways_own_endpoints_refuse_a_nul_in_a_sign_in()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = upstream.Address });

        using var response = await gateway.CreateClient().PostAsync("/gateway/accounts/login", new StringContent(
            """{"email": "a\u0000b@example.org", "password": "whatever"}""", Encoding.UTF8, "application/json"), Cancel);

        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty("email", out _), text);
    }
}
