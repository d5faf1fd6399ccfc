using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Awards;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Site.Awards;

/// <summary>
/// The Awards pages in a real browser through the whole platform: the awards' home, nominating (with and without
/// script, the citation's word limit counted as you type and enforced by the page and the API), the acknowledgement's
/// link to the nomination's page and withdrawing it. The results page is <see cref="AwardsResultsSiteTests"/>: it moves
/// the Awards service's clock, so it runs apart.
/// </summary>
public sealed partial class AwardsSiteTests(PlatformFixture platform, SiteBrowser browser)
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Words(int count) => string.Join(' ', Enumerable.Repeat("brave", count));

    [Fact]
    public async Task A_visitor_nominates_with_and_without_script_then_withdraws_from_the_link_in_the_email()
    {
        var (_, programmeId, categoryId) = await platform.OpenProgrammeForNominationsAsync();
        var mailbox = platform.App.GetMailbox("mail");

        foreach (var javaScript in new[] { false, true })
        {
            var name = javaScript ? "" : "-no-script";
            var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!, javaScript);

            // The awards' home: the programme open now, its categories explained, the way to nominate.
            await page.GotoAsync("/awards");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Community Safety Hero Awards");
            await Assertions.Expect(page.GetByText("Anyone who made their community safer without recognition.")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nominate someone" })).ToHaveAttributeAsync("href", $"/awards/{programmeId}/nominate");
            await SiteBrowser.CheckPageAsync(page, "awards-home" + name);

            await page.GotoAsync($"/awards/{programmeId}/nominate");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nominate someone");
            await SiteBrowser.CheckPageAsync(page, "awards-nominate" + name);

            // Nothing chosen or typed: every answer is asked for, each linked from the summary.
            await page.GetByRole(AriaRole.Button, new() { Name = "Send nomination" }).ClickAsync();
            var summary = page.Locator(".govuk-error-summary");
            await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Select the award you are nominating them for" })).ToHaveAttributeAsync("href", "#Form_CategoryId");
            await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Enter why they deserve the award" })).ToHaveAttributeAsync("href", "#Form_Citation");
            await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
            await SiteBrowser.CheckPageAsync(page, "awards-nominate-errors" + name);

            var nominee = $"Sam Hero {Guid.NewGuid():N}"[..20];
            var nominatorEmail = Addresses.Unique("Nominator");
            await page.GetByLabel("Unsung Hero").CheckAsync();
            await page.GetByLabel("Their full name").FillAsync(nominee);
            await page.GetByLabel("Their organisation or group (optional)").FillAsync("Northside Youth Club");
            await page.GetByLabel("The district where they help (optional)").SelectOptionAsync("Castleton");
            await page.GetByLabel("Your full name").FillAsync("Ann Nominator");
            await page.GetByLabel("Your email address").FillAsync(nominatorEmail);
            await page.GetByLabel("How do you know them?").FillAsync("Neighbour");
            await page.GetByLabel("I may share these details").CheckAsync();

            var citation = page.GetByLabel("Why do they deserve the award?");
            if (javaScript)
            {
                // GOV.UK Frontend's character count counts words as they are typed.
                await citation.PressSequentiallyAsync("Kept the club open");
                await Assertions.Expect(page.Locator(".govuk-character-count__status")).ToHaveTextAsync("You have 26 words remaining");
                await citation.FillAsync(Words(31));
                await Assertions.Expect(page.Locator(".govuk-character-count__status")).ToHaveTextAsync("You have 1 word too many");
            }
            else
            {
                await Assertions.Expect(page.GetByText("You can enter up to 30 words")).ToBeVisibleAsync();
                await citation.FillAsync(Words(31));
            }

            // Over the limit: refused by the page, the summary links to the citation, and nothing typed is lost.
            await page.GetByRole(AriaRole.Button, new() { Name = "Send nomination" }).ClickAsync();
            await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Why they deserve the award must be 30 words or fewer (you have 31)" }))
                .ToHaveAttributeAsync("href", "#Form_Citation");
            await Assertions.Expect(citation).ToHaveValueAsync(Words(31));
            await Assertions.Expect(page.GetByLabel("Their full name")).ToHaveValueAsync(nominee);
            await Assertions.Expect(page.GetByLabel("Unsung Hero")).ToBeCheckedAsync();
            await SiteBrowser.CheckPageAsync(page, "awards-nominate-too-long" + name);

            await citation.FillAsync("Kept the youth club open every night\nand walked everyone home.");
            await page.GetByRole(AriaRole.Button, new() { Name = "Send nomination" }).ClickAsync();
            await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/awards/{programmeId}/nominated$"));
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nomination sent");
            await Assertions.Expect(page.GetByText(nominatorEmail)).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "What happens next" })).ToBeVisibleAsync();
            await SiteBrowser.CheckPageAsync(page, "awards-nominated" + name);

            // The acknowledgement's link leads to the nomination's page on the site, never to the API.
            var email = await mailbox.WaitForAsync(m => m.IsTo(nominatorEmail), MailTimeout);
            var link = ManageLink(email.Raw);
            Assert.DoesNotContain("/api/", link, StringComparison.Ordinal);
            await page.GotoAsync(link);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your nomination");
            await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync(nominee);
            await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("Castleton");
            await SiteBrowser.CheckPageAsync(page, "awards-manage" + name);

            // Withdrawing takes a confirmation and a POST.
            await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw nomination" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Are you sure you want to withdraw");
            await SiteBrowser.CheckPageAsync(page, "awards-withdraw" + name);
            await page.GetByRole(AriaRole.Button, new() { Name = "Yes, withdraw nomination" }).ClickAsync();
            await Assertions.Expect(page.GetByText($"Your nomination of {nominee} has been withdrawn")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Withdraw nomination" })).ToHaveCountAsync(0);
            await SiteBrowser.CheckPageAsync(page, "awards-withdrawn" + name);

            Assert.Equal(1, await platform.App.CountAsync("awardsdb",
                "SELECT count(*) FROM nomination WHERE category_id = @c AND nominee_name = @n AND status = 'Withdrawn' AND citation LIKE '%walked everyone home.'",
                ("c", categoryId), ("n", nominee)));
            await page.Context.CloseAsync();
        }

        // The API refuses an over-long citation on its own too, and stores nothing.
        using var anyone = platform.CreatePublicClient();
        using var refused = await anyone.PostAsJsonAsync($"/api/awards/programmes/{programmeId}/nominations", new
        {
            categoryId,
            nominee = new { name = "Too Long" },
            citation = Words(31),
            nominator = new { name = "Ann", email = Addresses.Unique("Nominator"), relationship = "Neighbour" },
            consent = true,
        }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.ProblemAsync()).GetProperty("errors").TryGetProperty("citation", out _));
    }

    [Fact]
    public async Task With_script_the_word_count_follows_the_limit_of_the_award_chosen()
    {
        var staff = await platform.LoginAsStaffAsync();
        var now = await platform.AwardsNowAsync();
        var eventId = await platform.PublishCeremonyEventAsync(staff, now.AddDays(60));
        var (programmeId, _) = await platform.CreateProgrammeAsync(staff, eventId, now); // Unsung Hero: 30 words
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/awards/programmes/{programmeId}/categories", staff, new
        {
            name = "Partnership of the Year",
            eligibility = "Partners who did more together than apart.",
            citationWordLimit = 50,
            rubric = new[] { new { key = "impact", name = "Impact", weight = 1 } },
        });
        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!, javaScript: true);
        await page.GotoAsync($"/awards/{programmeId}/nominate");
        var status = page.Locator(".govuk-character-count__status");
        var citation = page.GetByLabel("Why do they deserve the award?");

        // Nothing chosen: the largest limit.
        await citation.FillAsync(Words(40));
        await Assertions.Expect(status).ToHaveTextAsync("You have 10 words remaining");
        await page.GetByLabel("Unsung Hero").CheckAsync();
        await Assertions.Expect(status).ToHaveTextAsync("You have 10 words too many");
        await Assertions.Expect(page.Locator("#Form_Citation-info")).ToHaveTextAsync("You can enter up to 30 words");
        await page.GetByLabel("Partnership of the Year").CheckAsync();
        await Assertions.Expect(status).ToHaveTextAsync("You have 10 words remaining");
        await citation.FillAsync(Words(51));
        await Assertions.Expect(status).ToHaveTextAsync("You have 1 word too many");
        await SiteBrowser.CheckPageAsync(page, "awards-nominate-own-limit");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_manage_link_shows_a_clear_page()
    {
        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!, javaScript: false);
        foreach (var path in new[] { "/awards/nominations/" + new string('x', 43), "/awards/nominations/nonsense/withdraw" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This link has expired or is not recognised");
        }
        await SiteBrowser.CheckPageAsync(page, "awards-manage-unknown");
        await page.Context.CloseAsync();
    }

    /// <summary>The manage link in an acknowledgement (quoted-printable undone first).</summary>
    private static string ManageLink(string raw)
    {
        var decoded = raw.Replace("=\r\n", "").Replace("=\n", "").Replace("=3D", "=");
        var match = ManageLinkPattern().Match(decoded);
        Assert.True(match.Success, "no manage link in the email:\n" + decoded);
        return match.Value;
    }

    [GeneratedRegex(@"https?://[^\s<>""]+/awards/nominations/[A-Za-z0-9_-]{43}")]
    private static partial Regex ManageLinkPattern();
}
