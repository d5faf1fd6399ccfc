using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Awards;
using Platform.EndToEnd.Tests.Events;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Notifications;
using Platform.EndToEnd.Tests.Volunteers;

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

    /// <summary>
    /// The issue's budget: every public page's HTML with the stylesheet and script it loads is at most 100 KB, both as
    /// sent (compressed) and decoded (what the browser parses: GOV.UK Frontend whole was 158 KB of CSS and script
    /// alone). Each kind of page the public reaches without a link from an email, with data of its own to show.
    /// </summary>
    [Fact]
    public async Task Each_public_page_weighs_at_most_100_KB_of_HTML_CSS_and_script_decoded_and_as_sent()
    {
        const long budget = 100 * 1024;
        var e = await platform.PublishEventAsync(capacity: 50, workshopCapacities: [10, 10, 10, 10, 10, 10], minWorkshops: 2, maxWorkshops: 2);
        var (organisation, orgToken) = await platform.RegisteredOrganisationAsync();
        await platform.ApproveAsync(organisation);
        var role = await platform.OpenRoleAsync(orgToken);
        var staff = await platform.LoginAsStaffAsync();
        var ceremony = await platform.PublishCeremonyEventAsync(staff, (await platform.AwardsNowAsync()).AddDays(60));
        var (programme, _) = await platform.CreateProgrammeAsync(staff, ceremony, await platform.AwardsNowAsync());
        var post = await platform.PublishNewsAsync($"Weighing the news {Guid.NewGuid():N}");

        string[] paths =
        [
            "/", "/events", $"/events/{e.Id}", $"/events/{e.Id}/register",
            "/volunteering", $"/volunteering/roles/{role}", $"/volunteering/roles/{role}/apply",
            "/awards", $"/awards/{programme}/nominate",
            "/news", $"/news/{post}",
            "/email-updates", "/email-updates/check-your-email", "/accessibility", "/privacy",
        ];
        var weights = new List<string>();
        var over = new List<string>();
        foreach (var path in paths)
        {
            var (transferred, decoded, files) = await browser.PageWeightAsync(platform.Gateway.BaseAddress!, path);
            weights.Add($"{path}: {decoded} B decoded, {transferred} B sent, {files} files");
            if (decoded > budget || transferred > budget) over.Add(path);
            Assert.True(files == 3, $"{path} loaded {files} files, not its page, stylesheet and script.");
        }

        Assert.True(over.Count == 0, $"Over 100 KB: {string.Join(", ", over)}.\n{string.Join("\n", weights)}");
    }
}
