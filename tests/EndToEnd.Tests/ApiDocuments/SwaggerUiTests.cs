using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Site;

namespace Platform.EndToEnd.Tests.ApiDocuments;

/// <summary>
/// "Try it out" in /docs, in a real browser, as staff and as a partner's developer: the request goes to the gateway
/// (the documents' server, allowed by /docs's CSP) with the credential given to "Authorize", and answers 200. In the
/// run's one browser (<see cref="SiteBrowser"/>), a visitor of its own: a browser launched per test cost seconds each.
/// </summary>
public sealed class SwaggerUiTests(PlatformFixture platform, SiteBrowser browser)
{
    [Fact]
    public async Task Staff_authorize_with_their_token_and_try_a_staff_only_operation()
    {
        var token = await platform.StaffTokenAsync();

        var (status, headers) = await TryItOutAsync("events", "session", "#auth-bearer-value", token, "get", "/api/events/all");

        Assert.Equal("200", status);
        Assert.Equal($"Bearer {token}", headers.GetValueOrDefault("authorization"));
    }

    [Fact]
    public async Task A_partner_authorizes_with_an_api_key_and_tries_an_operation_its_scope_allows()
    {
        var staff = await platform.StaffTokenAsync();
        var organisation = await platform.Gateway.CreateOrganisationAsync(staff);
        var (_, key) = await platform.Gateway.CreateKeyAsync(staff, organisation, ["events:read"]);

        var (status, headers) = await TryItOutAsync("events", "apiKey", "#api_key_value", key, "get", "/api/events");

        Assert.Equal("200", status);
        Assert.Equal(key, headers.GetValueOrDefault("x-api-key"));
    }

    /// <summary>Opens a service's document in /docs, authorizes with one scheme, tries one operation.</summary>
    /// <returns>The status Swagger UI shows and the headers the browser sent.</returns>
    private async Task<(string Status, Dictionary<string, string> Headers)> TryItOutAsync(
        string document, string schemeName, string credentialInput, string credential, string method, string path)
    {
        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!);
        await using var _ = page.Context;

        await page.GotoAsync($"/docs/index.html?urls.primaryName={document}");
        await page.Locator(".auth-wrapper button.authorize").ClickAsync();
        var scheme = page.Locator(".auth-container").Filter(new LocatorFilterOptions
        {
            Has = page.Locator("h4 > code", new PageLocatorOptions { HasTextRegex = new Regex($"^{schemeName}$") }),
        });
        await scheme.Locator(credentialInput).FillAsync(credential);
        await scheme.Locator("button.authorize").ClickAsync();
        await scheme.Locator("button.btn-done").ClickAsync();

        var operation = page.Locator($".opblock.opblock-{method}")
            .Filter(new LocatorFilterOptions { Has = page.Locator($".opblock-summary-path[data-path='{path}']") });
        await operation.Locator(".opblock-summary-control").ClickAsync();
        await operation.Locator("button.try-out__btn").ClickAsync();
        var request = await page.RunAndWaitForRequestAsync(
            () => operation.Locator("button.execute").ClickAsync(),
            r => new Uri(r.Url).AbsolutePath == path);

        var status = operation.Locator(".live-responses-table td.response-col_status:not(.col_header)");
        await status.WaitForAsync();
        return ((await status.InnerTextAsync()).Trim(), await request.AllHeadersAsync());
    }
}
