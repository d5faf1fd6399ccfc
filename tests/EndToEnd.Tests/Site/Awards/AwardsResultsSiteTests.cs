using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Awards;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Site.Awards;

/// <summary>
/// The Awards results page in a real browser before and after the embargo lifts. It moves the Awards service's clock by
/// days, which would close other tests' nomination windows, so it runs apart from them.
/// </summary>
[Collection(DisturbsPlatformCollection.Name)]
public sealed class AwardsResultsSiteTests(PlatformFixture platform, SiteBrowser browser)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_results_page_names_no_winner_until_the_embargo_lifts_at_the_ceremony()
    {
        var (staff, programmeId, categoryId) = await platform.OpenProgrammeForNominationsAsync();
        using var anyone = platform.CreatePublicClient();
        var winner = $"Kit Winner {Guid.NewGuid():N}"[..22];
        using (var nominated = await anyone.PostAsJsonAsync($"/api/awards/programmes/{programmeId}/nominations", new
        {
            categoryId,
            nominee = new { name = winner, organisation = "Castleton Street Pastors", district = "Castleton" },
            citation = "Walked the town centre every Saturday night for ten years.",
            nominator = new { name = "Bo Nominator", email = Addresses.Unique("Nominator"), relationship = "Colleague" },
            consent = true,
        }, Cancel))
            Assert.Equal(HttpStatusCode.Created, nominated.StatusCode);

        // Screened, shortlisted after judging and confirmed the winner: all still under embargo.
        var nominees = (await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/awards/categories/{categoryId}/nominees", staff)).GetProperty("items");
        var nomineeId = nominees[0].GetProperty("id").GetGuid();
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/awards/nominations/{nominees[0].GetProperty("nominations")[0].GetProperty("id").GetGuid()}/screening", staff,
            new { outcome = "Eligible" });
        await platform.AdvanceClockAsync("awards", TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/awards/categories/{categoryId}/shortlist", staff, new { nomineeIds = new[] { nomineeId } });
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/awards/categories/{categoryId}/winner", staff, new { nomineeId });

        // Before the ceremony: the page (also reached by guessing its address) says when, and names no one.
        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!, javaScript: false);
        await page.GotoAsync($"/awards/results/{programmeId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Results");
        await Assertions.Expect(page.Locator("#results-pending")).ToContainTextAsync("The winners will be published here when they are announced at the ceremony on");
        Assert.DoesNotContain(winner, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("Unsung Hero", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await SiteBrowser.CheckPageAsync(page, "awards-results-embargoed");

        // The ceremony starts: the embargo lifts and the page shows the winner in their category.
        await platform.AdvanceClockAsync("awards", TimeSpan.FromDays(60));
        await AwardsActors.WaitUntilAsync(async () =>
            JsonDocument.Parse(await anyone.GetStringAsync($"/api/awards/programmes/{programmeId}/results", Cancel)).RootElement.GetProperty("announced").GetBoolean(),
            "the embargo to lift at the ceremony");
        await page.GotoAsync($"/awards/results/{programmeId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Unsung Hero" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(winner)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Walked the town centre every Saturday night for ten years.")).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "awards-results");

        // The awards' home links to the year's results.
        await page.GotoAsync("/awards");
        await Assertions.Expect(page.Locator($"a[href='/awards/results/{programmeId}']").First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
