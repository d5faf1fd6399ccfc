using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Tests.Support;
using Platform.TestSupport;

namespace Platform.ServiceDefaults.Tests.Identity;

public sealed class AuthorizationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string _key = TestKeys.NewSigningKey();
    private readonly ManualTimeProvider _time = new(Start);
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _app = await TestApp.StartAsync(app =>
        {
            app.MapGet("/public", () => "hello");
            app.MapGet("/allow-anonymous", () => "hello").AllowAnonymous();
            app.MapGet("/signed-in", () => "hello").RequireAuthorization();
            app.MapGet("/staff", (ClaimsPrincipal user) => user.GetSubject()).RequireAuthorization(PlatformPolicies.Staff);
            app.MapGet("/partner", () => "ok").RequireAuthorization(PlatformPolicies.Partner);
            app.MapGet("/organisation", (ClaimsPrincipal user) => user.GetOrganisationId()!.Value.ToString())
                .RequireAuthorization(PlatformPolicies.Organisation);
            app.MapGet("/scoped", () => "ok").RequireAuthorization(PlatformPolicies.Scope("events.write"));
        }, CalledAsNobody(), _time);
        _client = _app.GetTestClient();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    // These tests send each token themselves, none included: nothing is added on the way in.
    private Dictionary<string, string?> CalledAsNobody()
    {
        var settings = TestApp.WithKey(_key);
        settings.Remove(TestApp.ActAsGatewayKey);
        return settings;
    }

    private Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return _client.SendAsync(request, Cancel);
    }

    [Fact]
    public async Task Issued_staff_token_round_trips_and_passes_the_staff_policy()
    {
        var token = TokenIssuers.With(_key, _time).Issue(TokenIssuers.Staff());

        using var response = await GetAsync("/staff", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("staff-1", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Partner_token_is_forbidden_on_a_staff_endpoint()
    {
        var token = TokenIssuers.With(_key, _time).Issue(TokenIssuers.Partner());

        using var staff = await GetAsync("/staff", token);
        using var partner = await GetAsync("/partner", token);

        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
        Assert.Equal(HttpStatusCode.OK, partner.StatusCode);
    }

    [Fact]
    public async Task No_token_is_unauthorized_with_a_problem_body()
    {
        using var response = await GetAsync("/staff", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_public_endpoint_called_without_a_token_is_401_problem_details()
    {
        using var response = await GetAsync("/public", token: null);
        using var allowAnonymous = await GetAsync("/allow-anonymous", token: null);
        using var unknown = await GetAsync("/no-such-path", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("through the gateway", await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.Unauthorized, allowAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    [Fact]
    public async Task A_public_endpoint_admits_the_anonymous_callers_token()
    {
        var token = TokenIssuers.With(_key, _time).Issue(InternalIdentity.Anonymous);

        using var response = await GetAsync("/public", token);
        using var allowAnonymous = await GetAsync("/allow-anonymous", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowAnonymous.StatusCode);
    }

    [Theory]
    [InlineData("/staff")]
    [InlineData("/partner")]
    [InlineData("/organisation")]
    [InlineData("/scoped")]
    [InlineData("/signed-in")]
    public async Task The_anonymous_callers_token_passes_no_policy_and_is_told_to_authenticate(string path)
    {
        var token = TokenIssuers.With(_key, _time).Issue(InternalIdentity.Anonymous);

        using var response = await GetAsync(path, token);

        // 401, not 403: the public has not authenticated, only the gateway has.
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_and_liveness_stay_open_without_a_token()
    {
        using var health = await GetAsync("/health", token: null);
        using var alive = await GetAsync("/alive", token: null);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task Token_signed_with_another_key_is_unauthorized()
    {
        var token = TokenIssuers.With(TestKeys.NewSigningKey(), _time).Issue(TokenIssuers.Staff());

        using var response = await GetAsync("/staff", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_for_another_audience_is_unauthorized()
    {
        var token = TokenIssuers.With(_key, _time, audience: "someone-else").Issue(TokenIssuers.Staff());

        using var response = await GetAsync("/staff", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_is_accepted_within_clock_skew_and_rejected_once_expired()
    {
        var token = TokenIssuers.With(_key, _time).Issue(TokenIssuers.Staff());
        var lifetime = new InternalTokenOptions().Lifetime;

        _time.Advance(lifetime + TimeSpan.FromSeconds(10));
        using var withinSkew = await GetAsync("/staff", token);

        _time.Advance(TimeSpan.FromSeconds(30));
        using var expired = await GetAsync("/staff", token);

        Assert.Equal(HttpStatusCode.OK, withinSkew.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_it_expires()
    {
        var token = TokenIssuers.With(_key, _time).Issue(TokenIssuers.Staff());
        using var first = await GetAsync("/staff", token);
        using var again = await GetAsync("/staff", token);

        _time.Advance(new InternalTokenOptions().Lifetime + new InternalTokenOptions().ClockSkew + TimeSpan.FromSeconds(1));
        using var expired = await GetAsync("/staff", token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    [Fact]
    public async Task A_token_differing_from_a_remembered_one_is_validated_afresh()
    {
        var token = TokenIssuers.With(_key, _time).Issue(TokenIssuers.Staff());
        using var valid = await GetAsync("/staff", token);
        var tampered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        using var refused = await GetAsync("/staff", tampered);

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Organisation_token_passes_and_exposes_its_organisation_id()
    {
        var organisationId = Guid.CreateVersion7();
        var token = TokenIssuers.With(_key, _time).Issue(TokenIssuers.Organisation(organisationId));

        using var response = await GetAsync("/organisation", token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(organisationId.ToString(), await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Organisation_role_without_an_organisation_id_is_forbidden()
    {
        // The issuer refuses to mint this, so it is hand-made with the same key: a buggy or hostile minter.
        var now = _time.GetUtcNow().UtcDateTime;
        var options = new InternalTokenOptions();
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = TestApp.ServiceName,
            NotBefore = now,
            Expires = now.AddMinutes(1),
            Claims = new Dictionary<string, object> { ["sub"] = "x", ["role"] = "organisation" },
            SigningCredentials = new SigningCredentials(
                new ECDsaSecurityKey(InternalTokenKeys.TryImportPrivate(_key)!), InternalTokenKeys.Algorithm),
        });

        using var response = await GetAsync("/organisation", token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void Issuer_refuses_an_organisation_identity_without_an_organisation_id()
    {
        var issuer = TokenIssuers.With(_key, _time);

        Assert.Throws<ArgumentException>(() => issuer.Issue(new InternalIdentity("u", PlatformClaims.Roles.Organisation, null, [])));
    }

    [Theory]
    [InlineData("events.read events.write", HttpStatusCode.OK)]
    [InlineData("events.read", HttpStatusCode.Forbidden)]
    public async Task Scope_policy_checks_the_space_separated_scope_claim(string scopes, HttpStatusCode expected)
    {
        var token = TokenIssuers.With(_key, _time).Issue(TokenIssuers.Partner(scopes.Split(' ')));

        using var response = await GetAsync("/scoped", token);

        Assert.Equal(expected, response.StatusCode);
    }
}
