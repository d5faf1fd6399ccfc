using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using System.Net;
using System.Net.Http.Json;

namespace Platform.Gateway.Tests;

public sealed class AccountTests : IAsyncLifetime
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private FakeUpstream _events = null!;
    private GatewayFactory _gateway = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _events = await FakeUpstream.StartAsync();
        _gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = _events.Address });
        _client = _gateway.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _events.DisposeAsync();
    }

    [Fact]
    public async Task The_first_staff_account_logs_in_and_is_forwarded_as_staff()
    {
        using var login = await _client.PostAsJsonAsync("/gateway/accounts/login",
            new { email = GatewayFactory.StaffEmail, password = GatewayFactory.StaffPassword }, Cancel);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var token = (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancel)).GetProperty("accessToken").GetString()!;

        var me = await _client.SendJsonAsync(HttpMethod.Get, "/gateway/accounts/me", token);
        Assert.Equal("staff", me.GetProperty("role").GetString());

        using var proxied = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/events/1").As(token), Cancel);
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        var forwarded = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(Assert.Single(_events.Received).Headers["Authorization"]["Bearer ".Length..]);
        Assert.Equal("staff", forwarded.GetClaim("role").Value);
        Assert.NotEqual(token, forwarded.EncodedToken);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_throttle_sign_in_for_a_while_and_never_end_a_live_session()
    {
        var live = await _gateway.LoginAsync(_client);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await _client.PostAsJsonAsync("/gateway/accounts/login", new { email = GatewayFactory.StaffEmail, password = "wrong password!!" }, Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal(401, (await wrong.ProblemAsync()).GetProperty("status").GetInt32());
        }

        using var throttled = await _client.PostAsJsonAsync("/gateway/accounts/login",
            new { email = GatewayFactory.StaffEmail, password = GatewayFactory.StaffPassword }, Cancel);
        using var stillSignedIn = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/gateway/accounts/me").As(live), Cancel);
        using var proxied = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/events/1").As(live), Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
        Assert.True(throttled.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(429, (await throttled.ProblemAsync()).GetProperty("status").GetInt32());
        // The session opened before the guessing goes on working, at the gateway and behind it.
        Assert.Equal(HttpStatusCode.OK, stillSignedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
        Assert.Equal(0, await _gateway.Services.CreateScope().ServiceProvider.GetRequiredService<Data.GatewayDbContext>()
            .Sessions.CountAsync(s => s.RevokedAt != null, Cancel));

        // Once the failures leave the window, the right password signs in again: nothing was locked.
        _gateway.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.NotEmpty(await _gateway.LoginAsync(_client));
    }

    [Fact]
    public async Task An_unknown_account_is_refused_as_a_known_one_is_with_the_same_password_check_and_throttled_alike()
    {
        using var unknown = await _client.PostAsJsonAsync("/gateway/accounts/login", new { email = "nobody@platform.local", password = "wrong password!!" }, Cancel);
        using var known = await _client.PostAsJsonAsync("/gateway/accounts/login", new { email = GatewayFactory.StaffEmail, password = "wrong password!!" }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal((await known.ProblemAsync()).GetProperty("detail").GetString(), (await unknown.ProblemAsync()).GetProperty("detail").GetString());
        for (var attempt = 1; attempt < 5; attempt++)
        {
            using var again = await _client.PostAsJsonAsync("/gateway/accounts/login", new { email = "nobody@platform.local", password = "wrong password!!" }, Cancel);
        }

        using var throttled = await _client.PostAsJsonAsync("/gateway/accounts/login", new { email = "nobody@platform.local", password = "wrong password!!" }, Cancel);
        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
    }

    [Fact]
    public async Task A_sign_in_for_an_unknown_account_checks_the_password_against_a_hash_as_for_a_known_one()
    {
        var hasher = new CountingHasher();
        await using var gateway = new GatewayFactory(new Dictionary<string, string> { ["events"] = _events.Address },
            services => services.AddScoped<Microsoft.AspNetCore.Identity.IPasswordHasher<Accounts.GatewayUser>>(_ => hasher));
        var client = gateway.CreateClient();
        await gateway.LoginAsync(client);
        hasher.Verified = 0;

        using var unknown = await client.PostAsJsonAsync("/gateway/accounts/login", new { email = "nobody@platform.local", password = "a guessed password" }, Cancel);
        var forUnknown = hasher.Verified;
        using var known = await client.PostAsJsonAsync("/gateway/accounts/login", new { email = GatewayFactory.StaffEmail, password = "a guessed password" }, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, known.StatusCode);
        Assert.Equal(1, forUnknown);
        Assert.Equal(2, hasher.Verified);
    }

    [Fact]
    public async Task Wrong_current_passwords_on_a_password_change_count_as_failed_sign_ins()
    {
        var token = await _gateway.LoginAsync(_client);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/gateway/accounts/password")
            {
                Content = JsonContent.Create(new { currentPassword = $"guess number {attempt}!", newPassword = "a much longer new passphrase" }),
            }.As(token), Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var throttled = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/gateway/accounts/password")
        {
            Content = JsonContent.Create(new { currentPassword = GatewayFactory.StaffPassword, newPassword = "a much longer new passphrase" }),
        }.As(token), Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, throttled.StatusCode);
    }

    /// <summary>Identity's own hasher, counting each password it checks.</summary>
    private sealed class CountingHasher : Microsoft.AspNetCore.Identity.IPasswordHasher<Accounts.GatewayUser>
    {
        private readonly Microsoft.AspNetCore.Identity.PasswordHasher<Accounts.GatewayUser> _inner = new();

        public int Verified;

        public string HashPassword(Accounts.GatewayUser user, string password) => _inner.HashPassword(user, password);

        public Microsoft.AspNetCore.Identity.PasswordVerificationResult VerifyHashedPassword(Accounts.GatewayUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref Verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task Logout_ends_the_token_at_once()
    {
        var token = await _gateway.LoginAsync(_client);
        await _client.SendJsonAsync(HttpMethod.Post, "/gateway/accounts/logout", token);

        using var after = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/gateway/accounts/me").As(token), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task A_password_change_signs_out_everywhere_and_the_new_password_works()
    {
        var first = await _gateway.LoginAsync(_client);
        const string NewPassword = "a much longer new passphrase";

        await _client.SendJsonAsync(HttpMethod.Post, "/gateway/accounts/password", first,
            new { currentPassword = GatewayFactory.StaffPassword, newPassword = NewPassword });

        using var old = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/gateway/accounts/me").As(first), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.NotEmpty(await _gateway.LoginAsync(_client, password: NewPassword));
    }

    [Fact]
    public async Task A_short_new_password_is_a_400_naming_the_password()
    {
        var token = await _gateway.LoginAsync(_client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/gateway/accounts/password")
        {
            Content = JsonContent.Create(new { currentPassword = GatewayFactory.StaffPassword, newPassword = "short" }),
        }.As(token);
        using var response = await _client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty("password", out _));
    }

    [Fact]
    public async Task An_invited_organisation_user_is_forwarded_with_its_organisation_and_cannot_manage_keys()
    {
        var staff = await _gateway.LoginAsync(_client);
        var organisation = await _client.CreateOrganisationAsync(staff, "Riverside Volunteers");
        var invitation = await _client.SendJsonAsync(HttpMethod.Post, "/gateway/accounts/invitations", staff,
            new { email = "coordinator@riverside.example", organisationId = organisation });
        Assert.False(invitation.TryGetProperty("invitationToken", out _));   // only the invitee's email carries it
        var token = await _gateway.InvitationTokenAsync("coordinator@riverside.example");
        Assert.Equal("Riverside Volunteers", Assert.Single(_gateway.Emailed<Platform.Contracts.Gateway.InvitationIssued>(_ => true)).OrganisationName);

        using var accept = await _client.PostAsJsonAsync("/gateway/accounts/invitations/accept", new
        {
            invitationToken = token,
            password = "riverside volunteers rock",
        }, Cancel);
        Assert.Equal(HttpStatusCode.Created, accept.StatusCode);
        var user = await _gateway.LoginAsync(_client, "coordinator@riverside.example", "riverside volunteers rock");

        using var proxied = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/events/mine").As(user), Cancel);
        var forwarded = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(Assert.Single(_events.Received).Headers["Authorization"]["Bearer ".Length..]);
        Assert.Equal("organisation", forwarded.GetClaim("role").Value);
        Assert.Equal(organisation.ToString(), forwarded.GetClaim("org_id").Value);

        using var keys = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/gateway/api-keys").As(user), Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, keys.StatusCode);

        using var reused = await _client.PostAsJsonAsync("/gateway/accounts/invitations/accept", new
        {
            invitationToken = token,
            password = "another long password",
        }, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal("link-used", (await reused.ProblemAsync()).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Staff_invite_staff_and_a_permission_granted_by_another_member_of_staff_travels_as_its_scope()
    {
        var admin = await _gateway.LoginAsync(_client);
        var invitation = await _client.SendJsonAsync(HttpMethod.Post, "/gateway/accounts/invitations", admin, new { email = "dpo@office.example", role = "staff" });
        Assert.Equal("staff", invitation.GetProperty("role").GetString());
        using var accept = await _client.PostAsJsonAsync("/gateway/accounts/invitations/accept",
            new { invitationToken = await _gateway.InvitationTokenAsync("dpo@office.example"), password = "data protection officer" }, Cancel);
        Assert.Equal(HttpStatusCode.Created, accept.StatusCode);
        var account = await accept.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancel);
        Assert.Equal("staff", account.GetProperty("role").GetString());
        var dpoId = account.GetProperty("id").GetGuid();
        var dpo = await _gateway.LoginAsync(_client, "dpo@office.example", "data protection officer");
        var adminId = (await _client.SendJsonAsync(HttpMethod.Get, "/gateway/accounts/me", admin)).GetProperty("id").GetGuid();

        async Task<string?> ForwardedScopeAsync(string session)
        {
            _events.Received.Clear();
            using var proxied = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/events/1").As(session), Cancel);
            Assert.Equal(HttpStatusCode.OK, proxied.StatusCode);
            var forwarded = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(Assert.Single(_events.Received).Headers["Authorization"]["Bearer ".Length..]);
            Assert.Equal("staff", forwarded.GetClaim("role").Value);
            return forwarded.TryGetClaim("scope", out var scope) ? scope.Value : null;
        }

        async Task<HttpStatusCode> ChangeAsync(HttpMethod method, Guid accountId, string session, string permission = "data-protection")
        {
            using var response = await _client.SendAsync(new HttpRequestMessage(method, $"/gateway/accounts/{accountId}/permissions/{permission}").As(session), Cancel);
            return response.StatusCode;
        }

        Assert.True(string.IsNullOrEmpty(await ForwardedScopeAsync(dpo)));
        Assert.Equal(HttpStatusCode.Forbidden, await ChangeAsync(HttpMethod.Put, dpoId, dpo));
        Assert.Equal(HttpStatusCode.Forbidden, await ChangeAsync(HttpMethod.Put, adminId, admin));
        Assert.Equal(HttpStatusCode.NotFound, await ChangeAsync(HttpMethod.Put, dpoId, admin, "notifications:subscribers"));
        Assert.Equal(HttpStatusCode.NotFound, await ChangeAsync(HttpMethod.Put, Guid.CreateVersion7(), admin));

        Assert.Equal(HttpStatusCode.OK, await ChangeAsync(HttpMethod.Put, dpoId, admin));
        Assert.Equal(HttpStatusCode.OK, await ChangeAsync(HttpMethod.Put, dpoId, admin)); // granting twice holds it once
        Assert.Equal(new[] { "data-protection" }, (await _client.SendJsonAsync(HttpMethod.Get, "/gateway/accounts/me", dpo)).GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!));
        Assert.Equal("notifications:subscribers", await ForwardedScopeAsync(dpo));
        Assert.True(string.IsNullOrEmpty(await ForwardedScopeAsync(admin)));

        Assert.Equal(HttpStatusCode.OK, await ChangeAsync(HttpMethod.Delete, dpoId, admin));
        Assert.True(string.IsNullOrEmpty(await ForwardedScopeAsync(dpo)));
    }

    [Fact]
    public async Task Only_staff_accounts_hold_permissions_and_an_invitation_is_for_an_organisation_or_for_staff()
    {
        var admin = await _gateway.LoginAsync(_client);
        var organisation = await _client.CreateOrganisationAsync(admin, "Riverside Volunteers");
        var invitation = await _client.SendJsonAsync(HttpMethod.Post, "/gateway/accounts/invitations", admin,
            new { email = "coordinator@riverside.example", organisationId = organisation });
        Assert.Equal("organisation", invitation.GetProperty("role").GetString());
        using var accept = await _client.PostAsJsonAsync("/gateway/accounts/invitations/accept",
            new { invitationToken = await _gateway.InvitationTokenAsync("coordinator@riverside.example"), password = "riverside volunteers rock" }, Cancel);
        var user = (await accept.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Cancel)).GetProperty("id").GetGuid();
        using var granted = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/gateway/accounts/{user}/permissions/data-protection").As(admin), Cancel);
        Assert.Equal(HttpStatusCode.Conflict, granted.StatusCode);

        foreach (var body in new object[]
                 {
                     new { email = "a@office.example", role = "staff", organisationId = organisation },
                     new { email = "b@office.example", role = "partner" },
                 })
        {
            using var refused = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/gateway/accounts/invitations") { Content = JsonContent.Create(body) }.As(admin), Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using var noOrganisation = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/gateway/accounts/invitations")
        { Content = JsonContent.Create(new { email = "c@office.example" }) }.As(admin), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, noOrganisation.StatusCode);
    }

    [Fact]
    public async Task Housekeeping_deletes_sessions_a_week_after_they_ended_and_never_a_live_one()
    {
        var loggedOut = await _gateway.LoginAsync(_client);
        var live = await _gateway.LoginAsync(_client);
        await _client.SendJsonAsync(HttpMethod.Post, "/gateway/accounts/logout", loggedOut);

        async Task<int> SessionsAsync()
        {
            await using var scope = _gateway.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Platform.Gateway.Data.GatewayDbContext>().Sessions.CountAsync(Cancel);
        }

        async Task<(int Sessions, int Invitations)> HousekeepAsync()
        {
            await using var scope = _gateway.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Platform.Gateway.Accounts.AccountHousekeeping>().RunOnceAsync(Cancel);
        }

        Assert.Equal((0, 0), await HousekeepAsync());
        _gateway.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        // The logged-out session ended over a week ago; the live one expired (8 h) only 6 days and 16 hours ago.
        Assert.Equal((1, 0), await HousekeepAsync());
        Assert.Equal(1, await SessionsAsync());
        _gateway.Time.Advance(TimeSpan.FromHours(9));
        Assert.Equal((1, 0), await HousekeepAsync());
        Assert.Equal(0, await SessionsAsync());
        Assert.NotEqual(loggedOut, live);
    }
}
