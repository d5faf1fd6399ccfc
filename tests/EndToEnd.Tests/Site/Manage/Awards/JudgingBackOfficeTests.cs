using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Awards;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Site.Manage.Awards;

/// <summary>
/// The awards back office's main task in a real browser through the whole platform: a judge (an organisation user on
/// the category's panel) opens their scoring page, declares a conflict of interest with one nominee and scores the
/// rest against the rubric; no ranking is shown to them. Staff see the judge's progress on the category's page. Every
/// page is checked with axe and photographed. The setup (programme, nominations, screening, panel) goes through the API.
/// </summary>
[Collection(DisturbsPlatformCollection.Name)]
public sealed class JudgingBackOfficeTests(PlatformFixture platform, SiteBrowser browser)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    [Fact]
    public async Task A_judge_declares_a_conflict_with_one_nominee_and_scores_the_rest()
    {
        var staff = await platform.LoginAsStaffAsync();
        var now = await platform.AwardsNowAsync();
        var eventId = await platform.PublishCeremonyEventAsync(staff, now.AddDays(60));
        var (programmeId, categoryId) = await platform.CreateProgrammeAsync(staff, eventId, now);
        using (var visitor = platform.CreatePublicClient())
            foreach (var nominee in new[] { "Ada Lamplighter", "Bo Streetwise", "Cy Neighbour" })
            {
                using var nominated = await visitor.PostAsJsonAsync($"/api/awards/programmes/{programmeId}/nominations", new
                {
                    categoryId,
                    nominee = new { name = nominee, organisation = "Street Pastors", district = "Castleton" },
                    citation = $"{nominee} walks the town centre every weekend night and keeps people safe.",
                    nominator = new { name = "A Nominator", email = Addresses.Unique("Nominator"), relationship = "Neighbour" },
                    consent = true,
                }, Cancel);
                Assert.Equal(HttpStatusCode.Created, nominated.StatusCode);
            }
        var nominees = (await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/awards/categories/{categoryId}/nominees", staff)).GetProperty("items").EnumerateArray().ToList();
        foreach (var nomination in nominees.SelectMany(n => n.GetProperty("nominations").EnumerateArray()))
            await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/awards/nominations/{nomination.GetProperty("id").GetGuid()}/screening", staff, new { outcome = "eligible" });

        var email = Addresses.Unique("BackOfficeJudge");
        var (_, subject) = await platform.PartnerUserAsync(staff, await platform.Gateway.CreateOrganisationAsync(staff), email);
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/awards/categories/{categoryId}/judges", staff, new { subject, name = "Jo Judge" });
        await platform.AdvanceClockAsync("awards", TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        // The judge is an organisation user: no Awards office for them, but their panels.
        var page = await browser.SignedInAsync(platform, email, AwardsActors.JudgePassword);
        await page.GotoAsync("/manage/awards/judging");
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Your judging panels");
        await SiteBrowser.CheckPageAsync(page, "manage-judging-panels");
        await page.GetByRole(AriaRole.Link, new() { Name = "Unsung Hero" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Unsung Hero");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "To score (3)" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Rank", new() { Exact = true })).ToHaveCountAsync(0);
        await SiteBrowser.CheckPageAsync(page, "manage-judging-scoring");

        // The conflict question comes first: sending without answering it is refused next to the question.
        var ada = Nominee(page, "Ada Lamplighter");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Send for Ada Lamplighter" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Say whether you have a conflict of interest with this nominee");
        await SiteBrowser.CheckPageAsync(page, "manage-judging-scoring-errors");

        ada = Nominee(page, "Ada Lamplighter");
        await ada.GetByLabel("Yes, I have a conflict").CheckAsync();
        await ada.GetByLabel("If you have a conflict, what is it?").FillAsync("Ada is my sister-in-law.");
        await ada.GetByRole(AriaRole.Button, new() { Name = "Send for Ada Lamplighter" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your conflict of interest is recorded.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ada Lamplighter" })).ToHaveCountAsync(0);

        foreach (var (name, impact, courage) in new[] { ("Bo Streetwise", 4, 3), ("Cy Neighbour", 2, 5) })
        {
            var form = Nominee(page, name);
            await form.GetByLabel("No, I will score them").CheckAsync();
            await form.GetByRole(AriaRole.Group, new() { Name = $"Impact (weight 3): score for {name}" }).GetByLabel(impact.ToString(), new() { Exact = true }).CheckAsync();
            await form.GetByRole(AriaRole.Group, new() { Name = $"Courage (weight 1): score for {name}" }).GetByLabel(courage.ToString(), new() { Exact = true }).CheckAsync();
            await form.GetByRole(AriaRole.Button, new() { Name = $"Send for {name}" }).ClickAsync();
            await Assertions.Expect(page.GetByText("Your scores are recorded.")).ToBeVisibleAsync();
        }
        await Assertions.Expect(page.Locator("#all-done")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#my-scores tbody tr")).ToHaveCountAsync(2);
        await SiteBrowser.CheckPageAsync(page, "manage-judging-scored");

        // What the service holds: one conflict, two scorecards, nothing left, for this judge.
        var progress = (await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/awards/categories/{categoryId}/progress", staff))
            .GetProperty("items").EnumerateArray().Single(j => j.GetProperty("subject").GetString() == subject);
        Assert.Equal((2, 1, 0), (progress.GetProperty("scored").GetInt32(), progress.GetProperty("conflicted").GetInt32(), progress.GetProperty("pending").GetInt32()));

        // Staff see the same on the category's page.
        var office = await browser.SignedInAsStaffAsync(platform);
        await office.GotoAsync($"/manage/awards/categories/{categoryId}?programmeId={programmeId}");
        await Assertions.Expect(Heading(office)).ToHaveTextAsync("Unsung Hero");
        await Assertions.Expect(office.GetByRole(AriaRole.Row, new() { Name = "Jo Judge 2 1 0" })).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(office, "manage-awards-category");
    }

    /// <summary>The section of the scoring page for one nominee (named by its heading).</summary>
    private static ILocator Nominee(IPage page, string name) =>
        page.Locator("section").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = name, Exact = true }) });
}
