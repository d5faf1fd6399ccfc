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
        // The public's requests carry the anonymous caller's token, minted here, never anything the caller sent.
        Assert.Equal(PlatformClaims.Roles.Anonymous, new JsonWebToken(received.Headers["Authorization"]["Bearer ".Length..]).GetClaim("role").Value);
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
    public async Task Health_says_only_healthy_or_unhealthy_naming_no_check_service_or_error()
    {
        // A service the gateway cannot reach makes its own report Degraded, with the destination's name in it.
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = "http://127.0.0.1:9" });

        using var response = await gateway.CreateClient().GetAsync("/health", Cancel);
        using var alive = await gateway.CreateClient().GetAsync("/alive", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        var report = JsonDocument.Parse(body).RootElement;
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Equal(["status"], report.EnumerateObject().Select(p => p.Name));
        foreach (var named in new[] { "gatewaydb", "destinations", "events", "self" })
            Assert.DoesNotContain(named, body);
        Assert.Equal("{\"status\":\"Healthy\"}", await alive.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task An_anonymous_caller_is_forwarded_with_the_anonymous_callers_token_for_that_service()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = upstream.Address });

        using var response = await gateway.CreateClient().GetAsync("/api/events/1", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var validation = await ValidateAsync(gateway, Assert.Single(upstream.Received).Headers["Authorization"], "events");
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal(PlatformClaims.Roles.Anonymous, validation.Claims["role"]);
        Assert.Equal(PlatformClaims.Roles.Anonymous, validation.Claims["sub"]);
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

        var validation = await ValidateAsync(gateway, authorization, "events");
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal("staff-7", validation.Claims["sub"]);
        Assert.Equal("staff", validation.Claims["role"]);
        Assert.Equal("events.write", validation.Claims["scope"]);
    }

    [Fact]
    public async Task The_token_is_es256_under_the_gateways_public_key_and_no_other_service_or_key_accepts_it()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = upstream.Address });

        using var response = await gateway.CreateClient().GetAsync("/api/events/1", Cancel);
        var authorization = Assert.Single(upstream.Received).Headers["Authorization"];

        Assert.Equal("ES256", new JsonWebToken(authorization["Bearer ".Length..]).Alg);
        Assert.False((await ValidateAsync(gateway, authorization, "volunteers")).IsValid);
        Assert.False((await ValidateAsync(gateway, authorization, "platform-services")).IsValid);
        Assert.False((await ValidateAsync(gateway, authorization, "events", InternalTokenKeys.NewPair().PublicKey)).IsValid);
    }

    /// <summary>Validates as a service would: the gateway's public key only, one audience.</summary>
    private static async Task<TokenValidationResult> ValidateAsync(GatewayFactory gateway, string authorization, string audience, string? publicKey = null)
    {
        var options = gateway.Services.GetRequiredService<IOptions<InternalTokenOptions>>().Value;
        return await new JsonWebTokenHandler().ValidateTokenAsync(authorization["Bearer ".Length..], new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = audience,
            IssuerSigningKey = new ECDsaSecurityKey(InternalTokenKeys.TryImportPublic(publicKey ?? gateway.Keys.PublicKey)),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        });
    }

    private sealed class FixedEdgeIdentity(EdgeAuthentication outcome) : IEdgeIdentity
    {
        public ValueTask<EdgeAuthentication> AuthenticateAsync(Microsoft.AspNetCore.Http.HttpContext context) =>
            ValueTask.FromResult(outcome);
    }
}
