using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Gateway;

namespace Platform.Gateway.Tests;

/// <summary>
/// Invitations and password resets reach people only as emailed links (events through the outbox, read here as
/// Notifications reads them), each single-use, expiring and superseded by a newer one; staff disable and enable accounts.
/// </summary>
public sealed class AccountEmailTests : IAsyncLifetime
{
    private const string Password = "riverside volunteers rock";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private GatewayFactory _gateway = null!;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _gateway = new GatewayFactory(new Dictionary<string, string>());
        _client = _gateway.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _gateway.DisposeAsync();

    [Fact]
    public async Task An_invitation_link_stops_working_once_superseded_or_expired_and_says_which()
    {
        var staff = await _gateway.LoginAsync(_client);
        await _client.SendJsonAsync(HttpMethod.Post, "/gateway/accounts/invitations", staff, new { email = "new.colleague@office.example", role = "staff" });
        var first = await _gateway.InvitationTokenAsync("new.colleague@office.example");
        _gateway.Time.Advance(TimeSpan.FromMinutes(1));
        await _client.SendJsonAsync(HttpMethod.Post, "/gateway/accounts/invitations", staff, new { email = "New.Colleague@office.example", role = "staff" });
        var second = await _gateway.InvitationTokenAsync("New.Colleague@office.example");

        Assert.Equal("link-superseded", await AcceptRefusedAsync(first, HttpStatusCode.Conflict));
        Assert.Equal("invitation-link", await AcceptRefusedAsync("inv_" + new string('x', 43), HttpStatusCode.NotFound));
        _gateway.Time.Advance(TimeSpan.FromDays(7));
        Assert.Equal("link-expired", await AcceptRefusedAsync(second, HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task A_reset_request_answers_the_same_for_any_address_and_emails_only_an_account_at_most_once_per_interval()
    {
        Assert.Equal(HttpStatusCode.Accepted, await RequestResetAsync("nobody@nowhere.example"));
        Assert.Equal(HttpStatusCode.Accepted, await RequestResetAsync(GatewayFactory.StaffEmail));
        Assert.Equal(HttpStatusCode.Accepted, await RequestResetAsync(GatewayFactory.StaffEmail));
        await _gateway.ResetTokenAsync(GatewayFactory.StaffEmail);
        _gateway.Time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(HttpStatusCode.Accepted, await RequestResetAsync(GatewayFactory.StaffEmail));
        await _gateway.ResetTokenAsync(GatewayFactory.StaffEmail, count: 2);

        Assert.Empty(_gateway.Emailed<PasswordResetRequested>(e => e.Email == "nobody@nowhere.example"));
        Assert.Equal(2, _gateway.Emailed<PasswordResetRequested>(_ => true).Count);
        using var malformed = await _client.PostAsJsonAsync("/gateway/accounts/password/reset", new { email = "not an address" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task A_reset_sets_the_password_once_ends_the_accounts_other_sessions_and_refuses_an_older_or_expired_link()
    {
        var elsewhere = await _gateway.LoginAsync(_client);
        await RequestResetAsync(GatewayFactory.StaffEmail);
        var older = await _gateway.ResetTokenAsync(GatewayFactory.StaffEmail);
        _gateway.Time.Advance(TimeSpan.FromMinutes(3));
        await RequestResetAsync(GatewayFactory.StaffEmail);
        var newest = await _gateway.ResetTokenAsync(GatewayFactory.StaffEmail, count: 2);

        Assert.Equal("link-superseded", await ResetRefusedAsync(older, HttpStatusCode.Conflict));
        using (var weak = await CompleteResetAsync(newest, "short"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        }

        using (var reset = await CompleteResetAsync(newest, "a brand new passphrase"))
        {
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        using var me = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/gateway/accounts/me").As(elsewhere), Cancel);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        await _gateway.LoginAsync(_client, GatewayFactory.StaffEmail, "a brand new passphrase");
        Assert.Equal("link-used", await ResetRefusedAsync(newest, HttpStatusCode.Conflict));

        _gateway.Time.Advance(TimeSpan.FromMinutes(3));
        await RequestResetAsync(GatewayFactory.StaffEmail);
        var late = await _gateway.ResetTokenAsync(GatewayFactory.StaffEmail, count: 3);
        _gateway.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal("link-expired", await ResetRefusedAsync(late, HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Staff_see_who_has_which_role_and_disabling_an_account_ends_its_sessions_at_once_until_enabled()
    {
        var staff = await _gateway.LoginAsync(_client);
        var organisation = await _client.CreateOrganisationAsync(staff, "Riverside Volunteers");
        await _client.SendJsonAsync(HttpMethod.Post, "/gateway/accounts/invitations", staff, new { email = "coordinator@riverside.example", organisationId = organisation });
        using var accepted = await _client.PostAsJsonAsync("/gateway/accounts/invitations/accept",
            new { invitationToken = await _gateway.InvitationTokenAsync("coordinator@riverside.example"), password = Password }, Cancel);
        var userId = (await accepted.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetGuid();
        var session = await _gateway.LoginAsync(_client, "coordinator@riverside.example", Password);

        var accounts = await _client.SendJsonAsync(HttpMethod.Get, "/gateway/accounts?pageSize=1", staff);
        Assert.Equal(2, accounts.GetProperty("total").GetInt32());
        var first = Assert.Single(accounts.GetProperty("items").EnumerateArray());
        Assert.Equal(GatewayFactory.StaffEmail, first.GetProperty("email").GetString());   // ordered by address
        Assert.Equal("staff", first.GetProperty("role").GetString());
        var user = Assert.Single((await _client.SendJsonAsync(HttpMethod.Get, "/gateway/accounts?page=2&pageSize=1", staff)).GetProperty("items").EnumerateArray());
        Assert.Equal(("organisation", "Riverside Volunteers", false),
            (user.GetProperty("role").GetString(), user.GetProperty("organisationName").GetString(), user.GetProperty("disabled").GetBoolean()));

        var disabled = await _client.SendJsonAsync(HttpMethod.Post, $"/gateway/accounts/{userId}/disable", staff);
        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(session));
        using (var login = await _client.PostAsJsonAsync("/gateway/accounts/login", new { email = "coordinator@riverside.example", password = Password }, Cancel))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        }

        // A disabled account gets no reset link, though the answer is the same.
        Assert.Equal(HttpStatusCode.Accepted, await RequestResetAsync("coordinator@riverside.example"));

        var adminId = (await _client.SendJsonAsync(HttpMethod.Get, "/gateway/accounts/me", staff)).GetProperty("id").GetGuid();
        using (var self = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/gateway/accounts/{adminId}/disable").As(staff), Cancel))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, self.StatusCode);
            Assert.Equal("own-account", (await self.ProblemAsync()).GetProperty("rule").GetString());
        }

        using (var unknown = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/gateway/accounts/{Guid.CreateVersion7()}/disable").As(staff), Cancel))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        Assert.False((await _client.SendJsonAsync(HttpMethod.Post, $"/gateway/accounts/{userId}/enable", staff)).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(session));   // ended sessions stay ended
        Assert.Equal(HttpStatusCode.OK, await MeAsync(await _gateway.LoginAsync(_client, "coordinator@riverside.example", Password)));
        Assert.Empty(_gateway.Emailed<PasswordResetRequested>(_ => true));
    }

    private async Task<HttpStatusCode> MeAsync(string session)
    {
        using var response = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/gateway/accounts/me").As(session), Cancel);
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> RequestResetAsync(string email)
    {
        using var response = await _client.PostAsJsonAsync("/gateway/accounts/password/reset", new { email }, Cancel);
        return response.StatusCode;
    }

    private Task<HttpResponseMessage> CompleteResetAsync(string token, string password) =>
        _client.PostAsJsonAsync("/gateway/accounts/password/reset/complete", new { resetToken = token, password }, Cancel);

    private async Task<string?> ResetRefusedAsync(string token, HttpStatusCode status)
    {
        using var response = await CompleteResetAsync(token, "yet another passphrase");
        Assert.Equal(status, response.StatusCode);
        return (await response.ProblemAsync()).GetProperty("rule").GetString();
    }

    private async Task<string?> AcceptRefusedAsync(string token, HttpStatusCode status)
    {
        using var response = await _client.PostAsJsonAsync("/gateway/accounts/invitations/accept", new { invitationToken = token, password = Password }, Cancel);
        Assert.Equal(status, response.StatusCode);
        return (await response.ProblemAsync()).GetProperty("rule").GetString();
    }
}
