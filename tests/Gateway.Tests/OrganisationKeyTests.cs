using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Platform.Gateway.Tests;

/// <summary>An organisation's key acts as the organisation, for the operations its scopes name and no others.</summary>
public sealed class OrganisationKeyTests : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private FakeUpstream _volunteers = null!;
    private FakeUpstream _events = null!;
    private GatewayFactory _gateway = null!;
    private HttpClient _client = null!;
    private string _staff = null!;
    private Guid _organisation;

    public async ValueTask InitializeAsync()
    {
        _volunteers = await FakeUpstream.StartAsync();
        _events = await FakeUpstream.StartAsync();
        _gateway = new GatewayFactory(new Dictionary<string, string> { ["volunteers"] = _volunteers.Address, ["events"] = _events.Address });
        _client = _gateway.CreateClient();
        _staff = await _gateway.LoginAsync(_client);
        _organisation = await _client.CreateOrganisationAsync(_staff, "Riverside Volunteers");
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _volunteers.DisposeAsync();
        await _events.DisposeAsync();
    }

    [Fact]
    public async Task A_key_staff_issue_for_an_organisation_is_forwarded_as_that_organisation()
    {
        var (id, key) = await OrganisationKeyAsync(["roles:write"]);

        using var response = await _client.SendAsync(Post("/api/volunteers/organisation/roles").WithKey(key), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = new JsonWebToken(Assert.Single(_volunteers.Received).Headers["Authorization"]["Bearer ".Length..]);
        Assert.Equal("organisation", token.GetClaim("role").Value);
        Assert.Equal($"apikey:{id}", token.Subject);
        Assert.Equal(_organisation.ToString(), token.GetClaim("org_id").Value);
        Assert.Equal("roles:write", token.GetClaim("scope").Value);
    }

    [Theory]
    [InlineData("GET", "/api/volunteers/organisation/volunteers")]   // listed for its users, not for keys
    [InlineData("GET", "/api/volunteers/organisation/hours")]
    [InlineData("POST", "/api/volunteers/organisation/applications/1/stage")]   // applications:read reads only
    [InlineData("POST", "/api/volunteers/organisation/roles")]   // needs roles:write
    [InlineData("GET", "/api/volunteers/organisation/roles-and-more")]   // a prefix is a whole segment
    [InlineData("GET", "/api/events")]
    public async Task Whatever_its_scopes_do_not_name_is_403_before_any_service(string method, string path)
    {
        var (_, key) = await OrganisationKeyAsync(["roles:read", "applications:read"]);

        using var response = await _client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) }.WithKey(key), Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(403, (await response.ProblemAsync()).GetProperty("status").GetInt32());
        Assert.Empty(_volunteers.Received);
        Assert.Empty(_events.Received);
    }

    [Fact]
    public async Task Partner_scopes_are_refused_for_an_organisation_key_and_the_other_way_round()
    {
        using var organisationKey = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/gateway/api-keys")
        {
            Content = JsonContent.Create(new { name = "x", organisationId = _organisation, scopes = new[] { "volunteers:write" }, kind = "organisation" }),
        }.As(_staff), Cancel);
        using var partnerKey = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/gateway/api-keys")
        {
            Content = JsonContent.Create(new { name = "x", organisationId = _organisation, scopes = new[] { "roles:write" } }),
        }.As(_staff), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, organisationKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, partnerKey.StatusCode);
    }

    [Fact]
    public async Task An_organisation_user_issues_lists_and_revokes_only_its_own_organisation_keys()
    {
        var riverside = await OrganisationUserAsync(_organisation, "coordinator@riverside.example");
        var hillside = await OrganisationUserAsync(await _client.CreateOrganisationAsync(_staff, "Hillside Trust"), "lead@hillside.example");
        await _client.CreateKeyAsync(_staff, _organisation, ["events:read"]);   // a partner key of the same organisation: staff's

        var created = await _client.SendJsonAsync(HttpMethod.Post, "/gateway/organisation/api-keys", riverside,
            new { name = "Rota system", scopes = new[] { "roles:write", "applications:read" } });
        var id = created.GetProperty("id").GetGuid();
        var key = created.GetProperty("key").GetString()!;
        Assert.Equal(_organisation, created.GetProperty("organisationId").GetGuid());
        Assert.Equal("organisation", created.GetProperty("kind").GetString(), ignoreCase: true);

        var listed = await _client.SendJsonAsync(HttpMethod.Get, "/gateway/organisation/api-keys", riverside);
        Assert.Equal([id], listed.GetProperty("items").EnumerateArray().Select(k => k.GetProperty("id").GetGuid()));
        Assert.Empty((await _client.SendJsonAsync(HttpMethod.Get, "/gateway/organisation/api-keys", hillside)).GetProperty("items").EnumerateArray());

        // Another organisation's key does not exist for Hillside; the key itself is no person and issues nothing.
        using var othersRevoke = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/gateway/organisation/api-keys/{id}").As(hillside), Cancel);
        Assert.Equal(HttpStatusCode.NotFound, othersRevoke.StatusCode);
        using var keyIssues = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/gateway/organisation/api-keys")
        {
            Content = JsonContent.Create(new { name = "successor", scopes = new[] { "roles:write" } }),
        }.WithKey(key), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, keyIssues.StatusCode);
        using var keyIsNoUser = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/gateway/accounts/me").WithKey(key), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, keyIsNoUser.StatusCode);

        using var revoked = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/gateway/organisation/api-keys/{id}").As(riverside), Cancel);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        using var afterwards = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/volunteers/organisation/roles").WithKey(key), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, afterwards.StatusCode);
    }

    [Theory]
    [InlineData("/api/events/figures/county")]
    [InlineData("/api/events/figures/events/1")]
    [InlineData("/api/volunteers/figures/organisation")]
    public async Task A_figures_read_key_reads_the_figures_and_writes_nothing(string path)
    {
        var (_, key) = await OrganisationKeyAsync(["figures:read"]);

        using var read = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, path).WithKey(key), Cancel);
        using var write = await _client.SendAsync(Post(path).WithKey(key), Cancel);
        using var roles = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/volunteers/organisation/roles").WithKey(key), Cancel);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, roles.StatusCode);
        Assert.Single(_volunteers.Received.Concat(_events.Received));
    }

    [Fact]
    public async Task An_organisation_user_rotates_its_own_key_and_not_anothers()
    {
        var riverside = await OrganisationUserAsync(_organisation, "rota@riverside.example");
        var hillside = await OrganisationUserAsync(await _client.CreateOrganisationAsync(_staff, "Hillside Rota"), "rota@hillside.example");
        var created = await _client.SendJsonAsync(HttpMethod.Post, "/gateway/organisation/api-keys", riverside,
            new { name = "Rota system", scopes = new[] { "roles:read" } });
        var id = created.GetProperty("id").GetGuid();

        using var others = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/gateway/organisation/api-keys/{id}/rotate")
        { Content = JsonContent.Create(new { overlapSeconds = 0 }) }.As(hillside), Cancel);
        var rotated = await _client.SendJsonAsync(HttpMethod.Post, $"/gateway/organisation/api-keys/{id}/rotate", riverside, new { overlapSeconds = 0 });

        Assert.Equal(HttpStatusCode.NotFound, others.StatusCode);
        Assert.NotEqual(created.GetProperty("key").GetString(), rotated.GetProperty("key").GetString());
        Assert.Equal(["roles:read"], rotated.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        using var newKey = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/volunteers/organisation/roles").WithKey(rotated.GetProperty("key").GetString()!), Cancel);
        using var oldKey = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/volunteers/organisation/roles").WithKey(created.GetProperty("key").GetString()!), Cancel);
        Assert.Equal(HttpStatusCode.OK, newKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, oldKey.StatusCode);
    }

    private async Task<(Guid Id, string Key)> OrganisationKeyAsync(string[] scopes)
    {
        var created = await _client.SendJsonAsync(HttpMethod.Post, "/gateway/api-keys", _staff,
            new { name = "rota system", organisationId = _organisation, scopes, kind = "organisation" });
        return (created.GetProperty("id").GetGuid(), created.GetProperty("key").GetString()!);
    }

    private async Task<string> OrganisationUserAsync(Guid organisation, string email)
    {
        const string password = "a long organisation passphrase";
        await _client.SendJsonAsync(HttpMethod.Post, "/gateway/accounts/invitations", _staff, new { email, organisationId = organisation });
        using var accept = await _client.PostAsJsonAsync("/gateway/accounts/invitations/accept",
            new { invitationToken = await _gateway.InvitationTokenAsync(email), password }, Cancel);
        Assert.Equal(HttpStatusCode.Created, accept.StatusCode);
        return await _gateway.LoginAsync(_client, email, password);
    }

    private static HttpRequestMessage Post(string path) => new(HttpMethod.Post, path) { Content = JsonContent.Create(new { }) };
}
