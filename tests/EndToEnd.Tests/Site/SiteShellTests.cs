using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Playwright;

namespace Platform.EndToEnd.Tests.Site;

/// <summary>
/// The site as a whole, through the gateway at "/": the shell every page shares, its security headers, its error pages,
/// and the edge keeping /api and /gateway to themselves.
/// </summary>
public sealed class SiteShellTests(PlatformFixture platform, SiteBrowser browser)
{
    [Fact]
    public async Task The_home_page_is_served_through_the_gateway_and_is_accessible_with_and_without_script()
    {
        foreach (var javaScript in new[] { true, false })
        {
            var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!, javaScript);
            var response = await page.GotoAsync("/");

            Assert.Equal(200, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Safer Communities Partnership");
            await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Events" })).ToBeVisibleAsync();
            await SiteBrowser.CheckPageAsync(page, javaScript ? "home" : "home-no-script");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Pages_carry_a_content_security_policy_without_unsafe_inline_and_send_no_referrer()
    {
        using var response = await platform.Gateway.GetAsync("/", TestContext.Current.CancellationToken);

        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains("form-action 'self'", policy);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_page_is_the_sites_page_not_found_but_an_unknown_api_path_stays_a_problem()
    {
        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!);
        var response = await page.GotoAsync("/no-such-page");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await SiteBrowser.CheckPageAsync(page, "page-not-found");
        await page.Context.CloseAsync();

        foreach (var path in new[] { "/api/no-such-service/x", "/gateway/no-such-thing" })
        {
            using var api = await platform.Gateway.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            var problem = await api.Content.ReadFromJsonAsync<ProblemDetails>(TestContext.Current.CancellationToken);
            Assert.Equal(404, problem!.Status);
        }
    }

    [Fact]
    public async Task Each_page_downloads_at_most_100_KB_of_HTML_CSS_and_script()
    {
        var (transferred, decoded) = await browser.PageWeightAsync(platform.Gateway.BaseAddress!, "/");

        Assert.True(transferred <= 100 * 1024, $"The home page downloads {transferred} bytes ({decoded} decoded).");
    }
}
