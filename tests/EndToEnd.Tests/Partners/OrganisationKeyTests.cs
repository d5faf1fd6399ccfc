using System.Net;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Volunteers;

namespace Platform.EndToEnd.Tests.Partners;

/// <summary>
/// An organisation's API key acts as the organisation, with its users' isolation: it posts and edits the organisation's
/// roles, another organisation's role does not exist for it, and what its scopes do not name is refused.
/// </summary>
public sealed class OrganisationKeyTests(PlatformFixture platform)
{
    private const string Roles = "/api/volunteers/organisation/roles";

    [Fact]
    public async Task An_organisation_key_posts_and_edits_its_roles_and_cannot_touch_another_organisations()
    {
        var (_, riverside) = await platform.RegisteredOrganisationAsync();
        var (_, hillside) = await platform.RegisteredOrganisationAsync();
        var hillsideRole = await platform.OpenRoleAsync(hillside);
        var key = await platform.OrganisationKeyAsync(riverside, "roles:write");

        var posted = await platform.Gateway.OkWithKeyAsync(HttpMethod.Post, Roles, key, VolunteersActors.RoleBody("Speedwatch volunteer", places: 3));
        var role = posted.GetProperty("id").GetGuid();
        var edited = await platform.Gateway.OkWithKeyAsync(HttpMethod.Put, $"{Roles}/{role}", key, VolunteersActors.RoleBody("Speedwatch coordinator", places: 4));
        Assert.Equal("Speedwatch coordinator", edited.GetProperty("title").GetString());
        var listed = await platform.Gateway.OkWithKeyAsync(HttpMethod.Get, Roles, key);
        Assert.Equal([role], listed.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));

        // Hillside's role does not exist for Riverside's key, whatever it tries.
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Gateway.CallWithKeyAsync(HttpMethod.Get, $"{Roles}/{hillsideRole}", key, null)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Gateway.CallWithKeyAsync(HttpMethod.Put, $"{Roles}/{hillsideRole}", key, VolunteersActors.RoleBody("Taken over", 1))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await platform.Gateway.CallWithKeyAsync(HttpMethod.Post, $"{Roles}/{hillsideRole}/close", key, null)).Status);
        // Its users may read the organisation's volunteers; the key's scopes do not name them.
        Assert.Equal(HttpStatusCode.Forbidden, (await platform.Gateway.CallWithKeyAsync(HttpMethod.Get, "/api/volunteers/organisation/volunteers", key, null)).Status);
        var hillsideView = await platform.Gateway.SendAsync(HttpMethod.Get, $"{Roles}/{hillsideRole}", hillside);
        Assert.Equal("Open", hillsideView.GetProperty("status").GetString(), ignoreCase: true);
    }
}
