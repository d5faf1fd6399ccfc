using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Identity;

namespace Platform.EndToEnd.Tests.Gateway;

/// <summary>Accounts, partner keys and the internal token, through the real gateway in front of the real services.</summary>
public sealed class GatewayIdentityTests(PlatformFixture platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private HttpClient Gateway => platform.Gateway;

    [Fact]
    public async Task Staff_log_in_and_create_a_partner_key_which_only_staff_may_do()
    {
        var staff = await platform.LoginAsStaffAsync();
        var organisation = await Gateway.CreateOrganisationAsync(staff);

        var (_, key) = await Gateway.CreateKeyAsync(staff, organisation, ["events:read"]);
        using var asPartner = await Gateway.WithKeyAsync(HttpMethod.Get, "/gateway/api-keys", key);
        using var anonymous = await Gateway.GetAsync("/gateway/api-keys", Cancel);

        Assert.StartsWith("pk_", key);
        Assert.Equal(HttpStatusCode.Forbidden, asPartner.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(401, (await anonymous.ProblemAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_organisation_user_is_limited_to_its_organisation()
    {
        var staff = await platform.LoginAsStaffAsync();
        var organisation = await Gateway.CreateOrganisationAsync(staff);
        var email = Addresses.Unique("Coordinator");
        await platform.InviteAndAcceptAsync(staff, email, "a long enough passphrase", organisation);

        var user = await Gateway.LoginAsync(email, "a long enough passphrase");
        var me = await Gateway.SendAsync(HttpMethod.Get, "/gateway/accounts/me", user);
        using var keys = new HttpRequestMessage(HttpMethod.Get, "/gateway/api-keys");
        keys.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user);
        using var refused = await Gateway.SendAsync(keys, Cancel);

        Assert.Equal("organisation", me.GetProperty("role").GetString());
        Assert.Equal(organisation, me.GetProperty("organisationId").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_read_key_reads_events_is_refused_a_write_and_once_revoked_is_refused_at_once()
    {
        var staff = await platform.LoginAsStaffAsync();
        var (id, key) = await Gateway.CreateKeyAsync(staff, await Gateway.CreateOrganisationAsync(staff), ["events:read"]);

        using var read = await Gateway.WithKeyAsync(HttpMethod.Get, "/api/events", key);
        using var write = await Gateway.WithKeyAsync(HttpMethod.Post, "/api/events", key);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("events:write", (await write.ProblemAsync()).GetProperty("detail").GetString());

        await Gateway.SendAsync(HttpMethod.Delete, $"/gateway/api-keys/{id}", staff);
        using var revoked = await Gateway.WithKeyAsync(HttpMethod.Get, "/api/events", key);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }

    [Fact]
    public async Task A_rotated_keys_old_secret_works_during_the_overlap_and_not_after()
    {
        var staff = await platform.LoginAsStaffAsync();
        var (id, oldKey) = await Gateway.CreateKeyAsync(staff, await Gateway.CreateOrganisationAsync(staff), ["events:read"]);

        var rotated = await Gateway.SendAsync(HttpMethod.Post, $"/gateway/api-keys/{id}/rotate", staff, new { overlapSeconds = 3 });
        var newKey = rotated.GetProperty("key").GetString()!;
        using (var during = await Gateway.WithKeyAsync(HttpMethod.Get, "/api/events", oldKey))
        {
            Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        }

        await Task.Delay(TimeSpan.FromSeconds(4), Cancel);
        using var after = await Gateway.WithKeyAsync(HttpMethod.Get, "/api/events", oldKey);
        using var replacement = await Gateway.WithKeyAsync(HttpMethod.Get, "/api/events", newKey);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replacement.StatusCode);
    }

    [Fact]
    public async Task A_key_over_its_rate_limit_gets_429_with_retry_after()
    {
        var staff = await platform.LoginAsStaffAsync();
        var (_, key) = await Gateway.CreateKeyAsync(staff, await Gateway.CreateOrganisationAsync(staff), ["events:read"], permitsPerMinute: 2);

        for (var i = 0; i < 2; i++)
        {
            using var ok = await Gateway.WithKeyAsync(HttpMethod.Get, "/api/events", key);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await Gateway.WithKeyAsync(HttpMethod.Get, "/api/events", key);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(429, (await limited.ProblemAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Forged_identity_is_ignored_or_refused_at_the_edge()
    {
        // Identity headers from outside are dropped: the request goes on as the public, unharmed.
        using var forgedHeaders = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        forgedHeaders.Headers.Add("X-Internal-Role", "staff");
        forgedHeaders.Headers.Add("X-Forwarded-For", "10.0.0.1");
        using var asPublic = await Gateway.SendAsync(forgedHeaders, Cancel);
        Assert.Equal(HttpStatusCode.OK, asPublic.StatusCode);

        // A self-made internal token is not a credential the gateway accepts: 401, never forwarded.
        using var forgedToken = new HttpRequestMessage(HttpMethod.Get, "/api/events");
        forgedToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MintWithKey(RandomKey(), audience: "events"));
        using var refused = await Gateway.SendAsync(forgedToken, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_service_called_directly_refuses_a_missing_or_forged_token()
    {
        using var events = platform.App.CreateHttpClient("events");

        using var missing = await events.GetAsync("/admin/dead-letters", Cancel);
        using var forgedRequest = new HttpRequestMessage(HttpMethod.Get, "/admin/dead-letters");
        forgedRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MintWithKey(RandomKey(), audience: "events"));
        using var forged = await events.SendAsync(forgedRequest, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Theory]
    [InlineData("events", "/api/events")]
    [InlineData("volunteers", "/api/volunteers/roles")]
    [InlineData("awards", "/api/awards/programmes")]
    [InlineData("notifications", "/api/notifications/topics")]
    public async Task A_services_public_endpoint_called_on_its_own_port_is_401_and_answers_through_the_gateway(string service, string path)
    {
        using var direct = platform.App.CreateHttpClient(service);

        using var refused = await direct.GetAsync(path, Cancel);
        using var viaGateway = await Gateway.GetAsync(path, Cancel);
        using var health = await direct.GetAsync("/health", Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(401, (await refused.ProblemAsync()).GetProperty("status").GetInt32());
        Assert.True(viaGateway.IsSuccessStatusCode, $"{path} through the gateway: {(int)viaGateway.StatusCode}");
        // The AppHost still polls the service's own health, in full.
        Assert.True(health.IsSuccessStatusCode);
        Assert.Contains("\"checks\"", await health.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task A_token_for_one_service_is_refused_by_another_called_directly()
    {
        using var volunteers = platform.App.CreateHttpClient("volunteers");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/testing/clock");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", platform.InternalStaffToken("events"));

        using var refused = await volunteers.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task The_gateways_health_says_only_healthy_or_unhealthy()
    {
        using var health = await Gateway.GetAsync("/health", Cancel);
        var body = await health.Content.ReadAsStringAsync(Cancel);

        Assert.Matches("""^\{"status":"(Healthy|Unhealthy)"\}$""", body);
    }

    private static string RandomKey() => InternalTokenKeys.NewPair().PrivateKey;

    private static string MintWithKey(string key, string audience) =>
        new InternalTokenIssuer(Options.Create(new InternalTokenOptions { SigningKey = key }), TimeProvider.System)
            .Issue(new InternalIdentity("intruder", PlatformClaims.Roles.Staff, null, []), audience);
}
