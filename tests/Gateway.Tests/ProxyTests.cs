using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.Gateway.EdgeIdentity;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.Tests;

public sealed class ProxyTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Forwards_the_path_unchanged_and_strips_caller_identity()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["notifications"] = upstream.Address });
        var client = gateway.CreateClient();

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/notifications/x?page=2");
        request.Headers.Add("X-Internal-Role", "staff");
        request.Headers.Add("X-Forwarded-For", "10.9.9.9");
        request.Headers.Add("Forwarded", "for=10.9.9.9");
        request.Headers.Add("X-Correlation", "kept");
        using var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from upstream", await response.Content.ReadAsStringAsync(Cancel));
        var received = Assert.Single(upstream.Received);
        Assert.Equal("/api/notifications/x", received.Path);
        Assert.Equal("?page=2", received.Query);
        Assert.False(received.Headers.ContainsKey("Authorization"));
        Assert.False(received.Headers.ContainsKey("X-Internal-Role"));
        Assert.False(received.Headers.ContainsKey("Forwarded"));
        // The gateway sets X-Forwarded-For from the socket itself; the caller's value never survives.
        Assert.DoesNotContain("10.9.9.9", received.Headers.GetValueOrDefault("X-Forwarded-For") ?? string.Empty);
        Assert.Equal("kept", received.Headers["X-Correlation"]);
    }

    [Fact]
    public async Task A_forged_bearer_token_is_refused_with_401_and_never_forwarded()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["notifications"] = upstream.Address });

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/notifications/x");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer forged-by-caller");
        using var response = await gateway.CreateClient().SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (await response.ProblemAsync()).GetProperty("status").GetInt32());
        Assert.Empty(upstream.Received);
    }

    [Fact]
    public async Task A_service_without_an_address_is_not_routed_but_the_gateway_still_serves()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["notifications"] = upstream.Address });
        var client = gateway.CreateClient();

        using var events = await client.GetAsync("/api/events/1", Cancel);
        using var notifications = await client.GetAsync("/api/notifications/1", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, events.StatusCode);
        Assert.Equal(HttpStatusCode.OK, notifications.StatusCode);
        Assert.Equal("/api/notifications/1", Assert.Single(upstream.Received).Path);
    }

    [Fact]
    public async Task Health_includes_the_gateway_database_and_its_view_of_each_destination()
    {
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = "http://127.0.0.1:9" });

        using var response = await gateway.CreateClient().GetAsync("/health", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        var names = report.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["self", "gatewaydb", "destinations"], names);
    }

    [Fact]
    public async Task An_authenticated_caller_is_forwarded_with_an_internal_token_the_services_can_validate()
    {
        var staff = EdgeAuthentication.Succeeded(new InternalIdentity("staff-7", PlatformClaims.Roles.Staff, null, ["events.write"]));
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(
            new Dictionary<string, string> { ["events"] = upstream.Address },
            services => services.AddSingleton<IEdgeIdentity>(new FixedEdgeIdentity(staff)));
        var client = gateway.CreateClient();

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/events/1");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer forged-by-caller");
        using var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var authorization = Assert.Single(upstream.Received).Headers["Authorization"];
        Assert.StartsWith("Bearer ", authorization);

        var options = gateway.Services.GetRequiredService<IOptions<InternalTokenOptions>>().Value;
        Assert.NotEqual("events", options.Audience);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(authorization["Bearer ".Length..], new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            // Minted for the one service it is forwarded to.
            ValidAudience = "events",
            IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(gateway.SigningKey)),
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal("staff-7", validation.Claims["sub"]);
        Assert.Equal("staff", validation.Claims["role"]);
        Assert.Equal("events.write", validation.Claims["scope"]);
    }

    private sealed class FixedEdgeIdentity(EdgeAuthentication outcome) : IEdgeIdentity
    {
        public ValueTask<EdgeAuthentication> AuthenticateAsync(Microsoft.AspNetCore.Http.HttpContext context) =>
            ValueTask.FromResult(outcome);
    }
}
