using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Platform.Gateway.Tests;

public sealed class ApiKeyTests : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private FakeUpstream _events = null!;
    private GatewayFactory _gateway = null!;
    private HttpClient _client = null!;
    private string _staff = null!;
    private Guid _organisation;

    public async ValueTask InitializeAsync()
    {
        _events = await FakeUpstream.StartAsync();
        _gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = _events.Address });
        _client = _gateway.CreateClient();
        _staff = await _gateway.LoginAsync(_client);
        _organisation = await _client.CreateOrganisationAsync(_staff);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _events.DisposeAsync();
    }

    [Fact]
    public async Task A_read_key_reads_and_is_forwarded_as_the_partner_with_its_scopes()
    {
        var (id, key) = await _client.CreateKeyAsync(_staff, _organisation, ["events:read"]);

        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/events/1").WithKey(key), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(_events.Received);
        Assert.False(received.Headers.ContainsKey("X-Api-Key"));
        var token = new JsonWebToken(received.Headers["Authorization"]["Bearer ".Length..]);
        Assert.Equal("partner", token.GetClaim("role").Value);
        Assert.Equal($"apikey:{id}", token.Subject);
        Assert.Equal(_organisation.ToString(), token.GetClaim("org_id").Value);
        Assert.Equal("events:read", token.GetClaim("scope").Value);
        Assert.Equal(["events"], token.Audiences);
    }

    [Theory]
    [InlineData("GET", "/gateway/accounts/me")]
    [InlineData("POST", "/gateway/accounts/password")]
    [InlineData("POST", "/gateway/accounts/logout")]
    public async Task A_key_is_no_user_so_what_acts_on_an_account_is_401(string method, string path)
    {
        // Found by the authorization matrix (issue 15): signing out with a key answered 204, as if it had ended something.
        var (_, key) = await _client.CreateKeyAsync(_staff, _organisation, ["events:read", "events:write"]);

        using var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "POST" ? System.Net.Http.Json.JsonContent.Create(new { currentPassword = "x", newPassword = "y" }) : null,
        }.WithKey(key), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(401, (await response.ProblemAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_read_key_is_refused_a_write_with_403_before_the_service()
    {
        var (_, key) = await _client.CreateKeyAsync(_staff, _organisation, ["events:read"]);

        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/events/1").WithKey(key), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("events:write", (await response.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Empty(_events.Received);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once()
    {
        var (id, key) = await _client.CreateKeyAsync(_staff, _organisation, ["events:read"]);
        using (var first = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/events").WithKey(key), Cancel))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        await _client.SendJsonAsync(HttpMethod.Delete, $"/gateway/api-keys/{id}", _staff);

        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/events").WithKey(key), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("revoked", (await response.ProblemAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_rotated_key_works_during_the_overlap_and_not_after()
    {
        var (id, oldKey) = await _client.CreateKeyAsync(_staff, _organisation, ["events:read"]);
        var rotated = await _client.SendJsonAsync(HttpMethod.Post, $"/gateway/api-keys/{id}/rotate", _staff, new { overlapSeconds = 3600 });
        var newKey = rotated.GetProperty("key").GetString()!;

        Assert.Equal(HttpStatusCode.OK, await StatusWith(oldKey));
        Assert.Equal(HttpStatusCode.OK, await StatusWith(newKey));

        _gateway.Time.Advance(TimeSpan.FromMinutes(61));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith(oldKey));
        Assert.Equal(HttpStatusCode.OK, await StatusWith(newKey));
    }

    [Fact]
    public async Task Listing_shows_prefix_scopes_and_last_use_but_never_the_secret()
    {
        var (id, key) = await _client.CreateKeyAsync(_staff, _organisation, ["events:read", "awards:read"]);
        await StatusWith(key);

        var list = await _client.SendJsonAsync(HttpMethod.Get, $"/gateway/api-keys?organisationId={_organisation}", _staff);

        var listed = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetGuid());
        Assert.StartsWith($"pk_{listed.GetProperty("prefix").GetString()}_", key);
        Assert.Equal(["events:read", "awards:read"], listed.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.DoesNotContain(key, list.GetRawText());
    }

    [Fact]
    public async Task An_expired_a_malformed_and_an_unknown_key_get_401_problems()
    {
        var created = await _client.SendJsonAsync(HttpMethod.Post, "/gateway/api-keys", _staff, new
        {
            name = "short-lived", organisationId = _organisation, scopes = new[] { "events:read" },
            expiresAt = _gateway.Time.GetUtcNow().AddDays(2),
        });
        _gateway.Time.Advance(TimeSpan.FromDays(3));

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith(created.GetProperty("key").GetString()!));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith("not-a-key"));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith("pk_0123456789ab_guessed"));
        Assert.Empty(_events.Received);
    }

    [Fact]
    public async Task Unknown_scopes_are_a_400_naming_the_field()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/gateway/api-keys")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { name = "x", organisationId = _organisation, scopes = new[] { "admin" } }),
        }.As(_staff);
        using var response = await _client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("scopes", out _));
    }

    [Fact]
    public async Task Only_staff_manage_keys()
    {
        using var anonymous = await _client.GetAsync("/gateway/api-keys", Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var (_, key) = await _client.CreateKeyAsync(_staff, _organisation, ["events:read"]);
        using var partner = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/gateway/api-keys").WithKey(key), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, partner.StatusCode);
    }

    [Fact]
    public async Task A_key_over_its_own_rate_limit_gets_429_with_retry_after()
    {
        var (_, key) = await _client.CreateKeyAsync(_staff, _organisation, ["events:read"], permitsPerMinute: 2);

        Assert.Equal(HttpStatusCode.OK, await StatusWith(key));
        Assert.Equal(HttpStatusCode.OK, await StatusWith(key));
        using var limited = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/events").WithKey(key), Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal(429, (await limited.ProblemAsync()).GetProperty("status").GetInt32());
    }

    private async Task<HttpStatusCode> StatusWith(string key)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/events").WithKey(key), Cancel);
        return response.StatusCode;
    }
}
