using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Platform.EndToEnd.Tests.Gateway;

/// <summary>
/// The gateway's account emails across the platform: its outbox, the broker (the tokens sealed), Notifications and the
/// SMTP sink. A colleague invited by staff resets a forgotten password from the email; staff disable and enable them.
/// </summary>
public sealed class AccountEmailTests(PlatformFixture platform)
{
    private const string Password = "a long enough staff passphrase";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_colleague_resets_a_forgotten_password_from_the_email_and_staff_disable_and_enable_them()
    {
        var staff = await platform.LoginAsStaffAsync();
        var email = Addresses.Unique("colleague");
        var id = await platform.InviteAndAcceptAsync(staff, email, Password, role: "staff");
        var elsewhere = await platform.Gateway.LoginAsync(email, Password);

        using var caller = platform.CreatePublicClient();
        using (var unknown = await caller.PostAsJsonAsync("/gateway/accounts/password/reset", new { email = Addresses.Unique("nobody") }, Cancel))
        using (var known = await caller.PostAsJsonAsync("/gateway/accounts/password/reset", new { email }, Cancel))
        {
            Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
            Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
            Assert.Equal(await unknown.Content.ReadAsStringAsync(Cancel), await known.Content.ReadAsStringAsync(Cancel));
        }

        var token = await platform.EmailedTokenAsync(email, "manage/reset-password/");
        using (var reset = await caller.PostAsJsonAsync("/gateway/accounts/password/reset/complete", new { resetToken = token, password = "a new and longer passphrase" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        using (var again = await caller.PostAsJsonAsync("/gateway/accounts/password/reset/complete", new { resetToken = token, password = "yet another passphrase" }, Cancel))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Equal("link-used", (await again.ProblemAsync()).GetProperty("rule").GetString());
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(elsewhere));
        var session = await platform.Gateway.LoginAsync(email, "a new and longer passphrase");

        var disabled = await platform.Gateway.SendAsync(HttpMethod.Post, $"/gateway/accounts/{id}/disable", staff);
        Assert.True(disabled.GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(session));
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/gateway/accounts/{id}/enable", staff);
        Assert.Equal(HttpStatusCode.OK, await MeAsync(await platform.Gateway.LoginAsync(email, "a new and longer passphrase")));
    }

    private async Task<HttpStatusCode> MeAsync(string session)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/gateway/accounts/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session);
        using var response = await platform.Gateway.SendAsync(request, Cancel);
        return response.StatusCode;
    }
}
