using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Site.Manage;

/// <summary>
/// Signing in to the back office and out of it: the site keeps the gateway's session in its own __Host- cookie, only
/// goes back to a back-office page afterwards, and signing out ends the session on the gateway, not just in the browser.
/// </summary>
public sealed class SignInTests(PlatformFixture platform, SiteBrowser browser)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staff_sign_in_see_the_back_office_and_signing_out_ends_the_session_on_the_gateway()
    {
        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!);
        var h1 = page.GetByRole(AriaRole.Heading, new() { Level = 1 });

        // Not signed in: a back-office page sends the visitor to sign in, coming back to it afterwards.
        await page.GotoAsync("/manage?view=all");
        await Assertions.Expect(h1).ToHaveTextAsync("Sign in to the back office");
        Assert.Equal("/manage/sign-in?returnUrl=%2Fmanage%3Fview%3Dall", ManageBrowser.PathAndQuery(page));
        await SiteBrowser.CheckPageAsync(page, "manage-sign-in");

        // A wrong password: the gateway's plain answer, the address kept, the password not.
        await ManageBrowser.SignInAsync(page, GatewayActors.StaffEmail, "not the password");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The email or password is wrong.");
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveValueAsync(GatewayActors.StaffEmail);
        await Assertions.Expect(page.GetByLabel("Password")).ToHaveValueAsync("");
        Assert.Null(await ManageBrowser.SessionCookieAsync(page));
        await SiteBrowser.CheckPageAsync(page, "manage-sign-in-wrong-password");

        // Another site as the return address (an open redirect) is not followed: the dashboard instead.
        await page.GotoAsync("/manage/sign-in?returnUrl=%2F%2Fevil.example%2Fmanage");
        await ManageBrowser.SignInAsync(page, GatewayActors.StaffEmail, platform.StaffPassword());
        await Assertions.Expect(h1).ToHaveTextAsync("Back office");
        Assert.Equal("/manage", ManageBrowser.PathAndQuery(page));
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Back office menu" });
        foreach (var area in new[] { "Events", "Volunteering", "Awards", "News", "Accounts", "API keys" })
            await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = area, Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"Signed in as {GatewayActors.StaffEmail}", new() { Exact = true })).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "manage-home");

        var cookie = await ManageBrowser.SessionCookieAsync(page);
        Assert.NotNull(cookie);
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Secure);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal("/", cookie.Path);
        var token = cookie.Value;
        Assert.Equal(HttpStatusCode.OK, await MeAsync(token));

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByText("You have signed out.")).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "manage-signed-out");
        Assert.Null(await ManageBrowser.SessionCookieAsync(page));

        // Ended on the server: the old token is refused by the gateway, and the back office asks to sign in again.
        Assert.Equal(HttpStatusCode.Unauthorized, await MeAsync(token));
        await page.GotoAsync("/manage");
        await Assertions.Expect(h1).ToHaveTextAsync("Sign in to the back office");

        // A copy of the old cookie does not bring the session back: the gateway refuses it, the site forgets it.
        await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie
        {
            Name = cookie.Name, Value = token, Domain = cookie.Domain, Path = "/", Secure = true, HttpOnly = true, SameSite = SameSiteAttribute.Strict,
        }]);
        await page.GotoAsync("/manage/sign-out");
        await Assertions.Expect(h1).ToHaveTextAsync("Sign in to the back office");
        Assert.Equal("/manage/sign-in?returnUrl=%2Fmanage%2Fsign-out", ManageBrowser.PathAndQuery(page));
        Assert.Null(await ManageBrowser.SessionCookieAsync(page));
        await page.Context.CloseAsync();
    }

    private async Task<HttpStatusCode> MeAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/gateway/accounts/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await platform.Gateway.SendAsync(request, Cancel);
        return response.StatusCode;
    }
}
