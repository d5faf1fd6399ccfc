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
    public async Task A_wrong_password_is_401_and_repeated_failures_lock_the_account()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await _client.PostAsJsonAsync("/gateway/accounts/login", new { email = GatewayFactory.StaffEmail, password = "wrong password!!" }, Cancel);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal(401, (await wrong.ProblemAsync()).GetProperty("status").GetInt32());
        }

        using var locked = await _client.PostAsJsonAsync("/gateway/accounts/login",
            new { email = GatewayFactory.StaffEmail, password = GatewayFactory.StaffPassword }, Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
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
    public async Task A_short_new_password_is_422()
    {
        var token = await _gateway.LoginAsync(_client);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/gateway/accounts/password")
        {
            Content = JsonContent.Create(new { currentPassword = GatewayFactory.StaffPassword, newPassword = "short" }),
        }.As(token);
        using var response = await _client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task An_invited_organisation_user_is_forwarded_with_its_organisation_and_cannot_manage_keys()
    {
        var staff = await _gateway.LoginAsync(_client);
        var organisation = await _client.CreateOrganisationAsync(staff, "Riverside Volunteers");
        var invitation = await _client.SendJsonAsync(HttpMethod.Post, "/gateway/accounts/invitations", staff,
            new { email = "coordinator@riverside.example", organisationId = organisation });

        using var accept = await _client.PostAsJsonAsync("/gateway/accounts/invitations/accept", new
        {
            invitationToken = invitation.GetProperty("invitationToken").GetString(),
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
            invitationToken = invitation.GetProperty("invitationToken").GetString(),
            password = "another long password",
        }, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, reused.StatusCode);
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
