using System.Net;
using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Volunteers;

namespace Platform.EndToEnd.Tests.Site.Manage.ApiKeys;

/// <summary>
/// Partner API keys in the back office: staff create one with scopes (the secret shown once), see when it was last
/// used, rotate it with an overlap in which both secrets work, and revoke it at once. Organisation users cannot reach
/// the staff areas.
/// </summary>
public sealed class PartnerKeysTests(PlatformFixture platform, SiteBrowser browser)
{
    private const string Roles = "/api/volunteers/roles";

    [Fact]
    public async Task Staff_create_a_key_see_its_use_rotate_it_with_an_overlap_and_revoke_it()
    {
        var admin = await platform.LoginAsStaffAsync();
        var organisation = await platform.Gateway.CreateOrganisationAsync(admin);
        var name = $"Booking system {Guid.NewGuid():N}";

        var page = await browser.SignedInAsStaffAsync(platform);
        var h1 = page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Back office menu" }).GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();
        await Assertions.Expect(h1).ToHaveTextAsync("Partner API keys");
        await SiteBrowser.CheckPageAsync(page, "manage-api-keys");

        // No scope chosen: the gateway's refusal next to the scopes, the name and organisation kept.
        await page.GetByRole(AriaRole.Link, new() { Name = "Create a key" }).ClickAsync();
        await page.GetByLabel("Name").FillAsync(name);
        await page.GetByLabel("Organisation").SelectOptionAsync(organisation.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the key" }).ClickAsync();
        await Assertions.Expect(page.Locator("#scopes-error")).ToContainTextAsync("At least one scope is required");
        await Assertions.Expect(page.GetByLabel("Name")).ToHaveValueAsync(name);
        await Assertions.Expect(page.GetByLabel("Organisation")).ToHaveValueAsync(organisation.ToString());
        await SiteBrowser.CheckPageAsync(page, "manage-api-keys-create-error");

        await page.GetByLabel("Volunteering: read").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the key" }).ClickAsync();
        await Assertions.Expect(h1).ToHaveTextAsync("Key issued");
        var first = await page.GetByLabel("The key").InputValueAsync();
        await SiteBrowser.CheckPageAsync(page, "manage-api-keys-issued");
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(first));

        await page.GotoAsync("/manage/api-keys");
        var row = page.Locator("tr", new() { HasText = name });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator(".manage-keys__last-used")).Not.ToHaveTextAsync("Never");
        await Assertions.Expect(row).ToContainTextAsync("volunteers:read");

        await row.GetByRole(AriaRole.Link, new() { Name = "Rotate" }).ClickAsync();
        await Assertions.Expect(h1).ToContainTextAsync("Rotate");
        await SiteBrowser.CheckPageAsync(page, "manage-api-keys-rotate");
        await page.GetByLabel("1 hour").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rotate the key" }).ClickAsync();
        await Assertions.Expect(h1).ToHaveTextAsync("Key issued");
        await Assertions.Expect(page.Locator("#old-key-until")).ToContainTextAsync("keeps working until");
        var second = await page.GetByLabel("The key").InputValueAsync();
        Assert.NotEqual(first, second);
        await SiteBrowser.CheckPageAsync(page, "manage-api-keys-rotated");
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(first));   // the overlap
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(second));

        await page.GotoAsync("/manage/api-keys");
        var current = page.Locator("tr", new() { HasText = name }).Filter(new() { HasText = "In use until" });
        await Assertions.Expect(page.Locator("tr", new() { HasText = name }).Filter(new() { HasText = "Rotated: works until" })).ToHaveCountAsync(1);
        await current.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(page.GetByText("is revoked: it stopped working at once.")).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "manage-api-keys-revoked");
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(second));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(first));
        await page.Context.CloseAsync();

        // An organisation user sees only their own areas (their training days and volunteering) and judging (they may sit
        // on a panel), and the staff areas (keys, news) are refused.
        var (_, orgToken) = await platform.RegisteredOrganisationAsync();
        var orgUser = await browser.WithSessionAsync(platform, orgToken);
        await orgUser.GotoAsync("/manage");
        var menu = orgUser.GetByRole(AriaRole.Navigation, new() { Name = "Back office menu" });
        await Assertions.Expect(menu.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Events", "Volunteering", "Judging"]);
        foreach (var path in new[] { "/manage/api-keys", "/manage/api-keys/create", "/manage/news", "/manage/news/subscribers" })
        {
            var refused = await orgUser.GotoAsync(path);
            Assert.Equal(403, refused!.Status);
        }

        await Assertions.Expect(orgUser.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You cannot open this page");
        await SiteBrowser.CheckPageAsync(orgUser, "manage-forbidden");
        await orgUser.Context.CloseAsync();
    }

    private async Task<HttpStatusCode> StatusWithAsync(string key)
    {
        using var response = await platform.Gateway.WithKeyAsync(HttpMethod.Get, Roles, key);
        return response.StatusCode;
    }
}
