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
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer forged-by-caller");
        request.Headers.Add("X-Internal-Role", "staff");
        request.Headers.Add("X-Correlation", "kept");
        using var response = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("from upstream", await response.Content.ReadAsStringAsync(Cancel));
        var received = Assert.Single(upstream.Received);
        Assert.Equal("/api/notifications/x", received.Path);
        Assert.Equal("?page=2", received.Query);
        Assert.False(received.Headers.ContainsKey("Authorization"));
        Assert.False(received.Headers.ContainsKey("X-Internal-Role"));
        Assert.Equal("kept", received.Headers["X-Correlation"]);
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
    public async Task Health_reports_only_the_gateway_itself()
    {
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = "http://127.0.0.1:9" });

        using var response = await gateway.CreateClient().GetAsync("/health", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal("self", Assert.Single(report.GetProperty("checks").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_authenticated_caller_is_forwarded_with_an_internal_token_the_services_can_validate()
    {
        var staff = new InternalIdentity("staff-7", PlatformClaims.Roles.Staff, null, ["events.write"]);
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
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(authorization["Bearer ".Length..], new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(gateway.SigningKey)),
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal("staff-7", validation.Claims["sub"]);
        Assert.Equal("staff", validation.Claims["role"]);
        Assert.Equal("events.write", validation.Claims["scope"]);
    }

    private sealed class FixedEdgeIdentity(InternalIdentity identity) : IEdgeIdentity
    {
        public ValueTask<InternalIdentity?> AuthenticateAsync(Microsoft.AspNetCore.Http.HttpContext context) =>
            ValueTask.FromResult<InternalIdentity?>(identity);
    }
}
