using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.EndToEnd.Tests.Notifications;

namespace Platform.EndToEnd.Tests.Gateway;

/// <summary>
/// Looking up or erasing one subscriber's data needs the data-protection permission beside the staff role: another
/// member of staff grants it through the gateway's accounts, the gateway carries it to Notifications as the scope
/// notifications:subscribers, and nobody grants it to themselves. A partner key can never hold it.
/// </summary>
public sealed class DataProtectionPermissionTests(PlatformFixture platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_granted_data_protection_look_up_and_erase_others_get_403_and_no_key_can_hold_it()
    {
        var gateway = platform.Gateway;
        var admin = await platform.LoginAsStaffAsync();
        var (officerId, officer) = await NewStaffAsync(admin, "dpo");
        var (_, colleague) = await NewStaffAsync(admin, "colleague");
        var subscriber = Addresses.Unique("Erase.Me");
        using (var publicClient = platform.CreatePublicClient())
            await platform.SubscribeAsync(publicClient, subscriber, ["news"], "daily");
        var lookup = $"/api/notifications/subscribers/lookup?email={Uri.EscapeDataString(subscriber)}";

        // Staff without the permission, the officer included before it is granted: 403.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(HttpMethod.Get, lookup, officer));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(HttpMethod.Get, lookup, admin));
        // Nobody grants themselves; only staff accounts hold it; an unknown permission is not found.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(HttpMethod.Put, Permission(officerId), officer));
        var me = await gateway.SendAsync(HttpMethod.Get, "/gateway/accounts/me", officer);
        Assert.Empty(me.GetProperty("permissions").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(HttpMethod.Put, $"/gateway/accounts/{officerId}/permissions/everything", colleague));

        var granted = await gateway.SendAsync(HttpMethod.Put, Permission(officerId), colleague);
        Assert.Equal(new[] { "data-protection" }, granted.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()!));
        var found = await gateway.SendAsync(HttpMethod.Get, lookup, officer);
        Assert.Equal(subscriber, found.GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(HttpMethod.Get, lookup, colleague));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(HttpMethod.Post, "/api/notifications/subscribers/erasures", colleague, new { email = subscriber }));

        Assert.Equal(HttpStatusCode.NoContent, await StatusAsync(HttpMethod.Post, "/api/notifications/subscribers/erasures", officer, new { email = subscriber }));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(HttpMethod.Get, lookup, officer));

        // Withdrawn, it stops at the officer's next request.
        await gateway.SendAsync(HttpMethod.Delete, Permission(officerId), admin);
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(HttpMethod.Get, lookup, officer));

        // An organisation user cannot be given it, and a partner key can neither be made with the scope nor reach the data.
        var organisation = await gateway.CreateOrganisationAsync(admin);
        var orgUser = await platform.InviteAndAcceptAsync(admin, Addresses.Unique("org.user"), GatewayActors.InvitedPassword, organisation);
        Assert.Equal(HttpStatusCode.Conflict, await StatusAsync(HttpMethod.Put, Permission(orgUser), admin));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(HttpMethod.Post, "/gateway/api-keys", admin,
            new { name = "wants data", organisationId = organisation, scopes = new[] { "notifications:subscribers" } }));
        var (_, key) = await gateway.CreateKeyAsync(admin, organisation, ["notifications:read", "notifications:write"]);
        using var withKey = await gateway.WithKeyAsync(HttpMethod.Get, lookup, key);
        Assert.Equal(HttpStatusCode.Forbidden, withKey.StatusCode);
    }

    private static string Permission(Guid account) => $"/gateway/accounts/{account}/permissions/data-protection";

    private async Task<(Guid Id, string Session)> NewStaffAsync(string admin, string name)
    {
        var (id, email) = await platform.NewStaffAsync(admin, name);
        return (id, await platform.Gateway.LoginAsync(email, GatewayActors.InvitedPassword));
    }

    private async Task<HttpStatusCode> StatusAsync(HttpMethod method, string path, string token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await platform.Gateway.SendAsync(request, Cancel);
        return response.StatusCode;
    }
}
