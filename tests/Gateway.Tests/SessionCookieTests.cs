using System.Net;

namespace Platform.Gateway.Tests;

public sealed class SessionCookieTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_browser_session_cookie_authenticates_and_never_reaches_the_service()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = upstream.Address });
        var client = gateway.CreateClient();
        var token = await gateway.LoginAsync(client);

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        request.Headers.Add("Cookie", $"theme=dark; __Host-platform-session={token}");
        using var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(upstream.Received);
        Assert.Equal("theme=dark", received.Headers["Cookie"]);
        Assert.StartsWith("Bearer ", received.Headers["Authorization"]);
        Assert.DoesNotContain(token, received.Headers["Authorization"]);
    }

    [Fact]
    public async Task Two_kinds_of_credential_at_once_are_refused()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = upstream.Address });
        var client = gateway.CreateClient();
        var token = await gateway.LoginAsync(client);

        using var response = await client.SendAsync(
            new HttpRequestMessage(HttpMethod.Get, "/api/events").As(token).WithKey("pk_0123456789ab_x"), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(upstream.Received);
    }
}
