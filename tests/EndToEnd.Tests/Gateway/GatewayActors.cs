using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.EndToEnd.Tests.Notifications;

namespace Platform.EndToEnd.Tests.Gateway;

/// <summary>
/// Acting through the gateway as staff (the first staff account, whose password is the AppHost's generated parameter
/// in the run's data folder), as an organisation user, or as a partner's system.
/// </summary>
internal static partial class GatewayActors
{
    public const string StaffEmail = "admin@platform.local";

    public static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static string StaffPassword(this PlatformFixture platform) => platform.Secret("gateway-staff-password");

    /// <summary>One of the AppHost's generated secrets, as the run's data folder keeps them.</summary>
    public static string Secret(this PlatformFixture platform, string name) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(
            File.ReadAllText(Path.Combine(platform.App.DataDirectory(), "secrets.json")))![name];

    public static async Task<string> LoginAsync(this HttpClient gateway, string email, string password)
    {
        using var response = await gateway.PostAsJsonAsync("/gateway/accounts/login", new { email, password }, Cancel);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"login {email}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }

    public static Task<string> LoginAsStaffAsync(this PlatformFixture platform) => platform.StaffTokenAsync();

    /// <summary>A fresh staff session (tests of sessions themselves); others share <see cref="PlatformFixture.StaffTokenAsync"/>.</summary>
    public static Task<string> StaffPasswordLoginAsync(this HttpClient gateway, PlatformFixture platform) =>
        gateway.LoginAsync(StaffEmail, platform.StaffPassword());

    public static async Task<JsonElement> SendAsync(this HttpClient gateway, HttpMethod method, string path, string token, object? body = null)
    {
        HttpResponseMessage response;
        // As a partner's client would: a 503 with Retry-After changed nothing and asks to be tried again (a service meets
        // its pool's dead connections once after a PostgreSQL restart, which the fault tests cause).
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            response = await gateway.SendAsync(request, Cancel);
            if (response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable || response.Headers.RetryAfter?.Delta is not { } wait || attempt == 3) break;
            response.Dispose();
            await Task.Delay(wait, Cancel);
        }

        using var _ = response;
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>
    /// Staff invite someone (to <paramref name="organisationId"/>, or with <paramref name="role"/> "staff"), and the
    /// invitee chooses a password from the link in their email, as a person would: the one way the tests make accounts.
    /// </summary>
    /// <returns>The new account's id.</returns>
    public static async Task<Guid> InviteAndAcceptAsync(this PlatformFixture platform, string staff, string email, string password,
        Guid? organisationId = null, string? role = null)
    {
        var invitation = await platform.Gateway.SendAsync(HttpMethod.Post, "/gateway/accounts/invitations", staff, new { email, organisationId, role });
        Assert.False(invitation.TryGetProperty("invitationToken", out _), "the invitation's token goes only to the invitee's email");
        var token = await platform.EmailedTokenAsync(email, "manage/invitation/");
        using var caller = platform.CreatePublicClient();
        using var accepted = await caller.PostAsJsonAsync("/gateway/accounts/invitations/accept", new { invitationToken = token, password }, Cancel);
        var body = await accepted.Content.ReadAsStringAsync(Cancel);
        Assert.True(accepted.StatusCode == System.Net.HttpStatusCode.Created, $"accept invitation: {(int)accepted.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>The token of the <paramref name="nth"/> link under <paramref name="linkPath"/> emailed to the address (the SMTP sink).</summary>
    public static async Task<string> EmailedTokenAsync(this PlatformFixture platform, string email, string linkPath, int nth = 1)
    {
        bool Matches(Platform.AppHost.Hosting.Resources.ReceivedMessage m) => m.IsTo(email) && m.Decoded().Contains(linkPath, StringComparison.Ordinal);
        var mailbox = platform.App.GetMailbox("mail");
        await mailbox.WaitForAsync(m => Matches(m) && mailbox.Messages().Count(Matches) >= nth, MailTimeout);
        var message = mailbox.Messages().Where(Matches).ElementAt(nth - 1);
        return Regex.Match(message.Decoded(), Regex.Escape(linkPath) + "([A-Za-z0-9_-]+)").Groups[1].Value;
    }

    public static async Task<Guid> CreateOrganisationAsync(this HttpClient gateway, string staff) =>
        (await gateway.SendAsync(HttpMethod.Post, "/gateway/organisations", staff, new { name = $"Partner {Guid.CreateVersion7():N}" }))
        .GetProperty("id").GetGuid();

    public static async Task<(Guid Id, string Key)> CreateKeyAsync(
        this HttpClient gateway, string staff, Guid organisation, string[] scopes, int? permitsPerMinute = null)
    {
        var created = await gateway.SendAsync(HttpMethod.Post, "/gateway/api-keys", staff,
            new { name = "partner system", organisationId = organisation, scopes, permitsPerMinute });
        return (created.GetProperty("id").GetGuid(), created.GetProperty("key").GetString()!);
    }

    public static async Task<HttpResponseMessage> WithKeyAsync(this HttpClient gateway, HttpMethod method, string path, string key)
    {
        using var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get)
        {
            request.Content = JsonContent.Create(new { });
        }

        request.Headers.Add("X-Api-Key", key);
        return await gateway.SendAsync(request, Cancel);
    }

    /// <summary>The password every account a test invites sets on accepting.</summary>
    public const string InvitedPassword = "a long enough staff passphrase";

    /// <summary>A new member of staff, invited by <paramref name="admin"/>, who has accepted with <see cref="InvitedPassword"/>.</summary>
    public static async Task<(Guid Id, string Email)> NewStaffAsync(this PlatformFixture platform, string admin, string name)
    {
        var email = Addresses.Unique($"staff.{name}");
        return (await platform.InviteAndAcceptAsync(admin, email, InvitedPassword, role: "staff"), email);
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();
    }
}
