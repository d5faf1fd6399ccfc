using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Site.Manage;

/// <summary>
/// The back office in the browser: a visitor signed in through /manage/sign-in as the first staff account or any
/// account whose password the test knows, landing on the dashboard. Every page a test reaches is then checked as the
/// public pages are (<see cref="SiteBrowser.CheckPageAsync"/>: axe at WCAG 2.2 AA, screenshots at 320 and 1280 px).
/// </summary>
internal static class ManageBrowser
{
    public const string SessionCookie = "__Host-manage-session";

    /// <summary>A new visitor signed in as the first staff account, on the back office's home.</summary>
    public static Task<IPage> SignedInAsStaffAsync(this SiteBrowser browser, PlatformFixture platform, bool javaScript = true) =>
        browser.SignedInAsync(platform, GatewayActors.StaffEmail, platform.StaffPassword(), javaScript);

    /// <summary>A new visitor signed in as <paramref name="email"/>, on the back office's home.</summary>
    public static async Task<IPage> SignedInAsync(this SiteBrowser browser, PlatformFixture platform, string email, string password, bool javaScript = true)
    {
        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!, javaScript);
        await page.GotoAsync("/manage/sign-in");
        await SignInAsync(page, email, password);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Back office");
        return page;
    }

    /// <summary>
    /// A new visitor holding <paramref name="token"/> (a session from <c>/gateway/accounts/login</c>, e.g. an actor
    /// helper's organisation user) in the site's session cookie, as signing in would have left it; on no page yet.
    /// </summary>
    public static async Task<IPage> WithSessionAsync(this SiteBrowser browser, PlatformFixture platform, string token)
    {
        var site = platform.Gateway.BaseAddress!;
        var page = await browser.NewVisitorAsync(site);
        await page.Context.AddCookiesAsync([new Cookie
        {
            Name = SessionCookie, Value = token, Domain = site.Host, Path = "/",
            Secure = true, HttpOnly = true, SameSite = SameSiteAttribute.Strict,
        }]);
        return page;
    }

    /// <summary>Fills in and sends the sign-in form the page is showing.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>The gateway session token the site keeps for the page's visitor; null when signed out.</summary>
    public static async Task<BrowserContextCookiesResult?> SessionCookieAsync(IPage page) =>
        (await page.Context.CookiesAsync()).SingleOrDefault(c => c.Name == SessionCookie);

    /// <summary>The page's path and query, as the site's links and redirects write them.</summary>
    public static string PathAndQuery(IPage page) => new Uri(page.Url).PathAndQuery;
}
