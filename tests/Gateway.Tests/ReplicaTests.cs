using System.Net;
using System.Net.Http.Json;

namespace Platform.Gateway.Tests;

/// <summary>
/// Two gateways on one database, as `./platform up --replicas 2` and the Kubernetes deployment run them (issue 22):
/// their rate limits and the sign-in throttle hold together, and what one revokes the other refuses within a stated bound.
/// </summary>
public sealed class ReplicaTests : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly TimeSpan KeyCacheFor = TimeSpan.FromSeconds(1);

    private FakeUpstream _upstream = null!;
    private GatewayFactory _first = null!;
    private GatewayFactory _second = null!;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        var services = new Dictionary<string, string> { ["events"] = _upstream.Address, ["notifications"] = _upstream.Address };
        var settings = new Dictionary<string, string>
        {
            ["RateLimits:Replicas"] = "2",
            ["RateLimits:PublicWritesPerWindow"] = "4",
            ["ApiKeys:CacheFor"] = KeyCacheFor.ToString(),
        };
        _first = new GatewayFactory(services, settings: settings);
        _first.CreateClient().Dispose();   // started, so its database is made before the second opens it
        _second = _first.ReplicaOf(services, settings);
    }

    public async ValueTask DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task A_limit_holds_over_two_gateways_however_a_callers_requests_are_spread()
    {
        var clients = new[] { _first.CreateClient(), _second.CreateClient() };

        // Spread evenly (a proxy's round robin): the whole limit, and no more.
        var spread = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++) spread.Add(await SignUpAsync(clients[i % 2]));
        Assert.Equal(4, spread.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(4, spread.Count(s => s == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task A_caller_kept_on_one_gateway_gets_that_gateways_share()
    {
        var client = _first.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add(await SignUpAsync(client));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_key_revoked_on_one_gateway_is_refused_by_the_other_within_the_key_cache_time()
    {
        var first = _first.CreateClient();
        var second = _second.CreateClient();
        var staff = await _first.LoginAsync(first);
        var organisation = await first.CreateOrganisationAsync(staff);
        var (id, key) = await first.CreateKeyAsync(staff, organisation, ["events:read"]);
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(first, key));
        Assert.Equal(HttpStatusCode.OK, await ReadAsync(second, key));   // now in the second gateway's cache

        await first.SendJsonAsync(HttpMethod.Delete, $"/gateway/api-keys/{id}", staff);
        var revokedAt = DateTimeOffset.UtcNow;

        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(first, key));
        while (await ReadAsync(second, key) == HttpStatusCode.OK)
        {
            Assert.True(DateTimeOffset.UtcNow - revokedAt < KeyCacheFor + TimeSpan.FromSeconds(1), "the second gateway still accepts the revoked key");
            await Task.Delay(50, Cancel);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await ReadAsync(second, key));
    }

    [Fact]
    public async Task A_session_ended_on_one_gateway_is_refused_by_the_other_at_once()
    {
        var first = _first.CreateClient();
        var second = _second.CreateClient();
        var session = await _first.LoginAsync(first);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(second, session));

        using (var logout = await first.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/gateway/accounts/logout").As(session), Cancel))
        {
            Assert.True(logout.IsSuccessStatusCode, $"logout: {logout.StatusCode}");
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(second, session));
    }

    [Fact]
    public async Task Failed_sign_ins_on_either_gateway_add_up_to_one_throttle()
    {
        var clients = new[] { _first.CreateClient(), _second.CreateClient() };

        // Five wrong passwords for one account from one address (Accounts:FailedLoginsPerAccountAndAddress), spread
        // over the two gateways as a proxy would: each alone has seen only two or three.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(clients[attempt % 2], "wrong password!!"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(clients[0], GatewayFactory.StaffPassword));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInAsync(clients[1], GatewayFactory.StaffPassword));
    }

    private static async Task<HttpStatusCode> SignInAsync(HttpClient client, string password)
    {
        using var response = await client.PostAsJsonAsync("/gateway/accounts/login", new { email = GatewayFactory.StaffEmail, password }, Cancel);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> SignUpAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/notifications/subscriptions", new StringContent("{}"), Cancel);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> ReadAsync(HttpClient client, string key)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/events").WithKey(key), Cancel);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> MeAsync(HttpClient client, string session)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/gateway/accounts/me").As(session), Cancel);
        return response.StatusCode;
    }
}
