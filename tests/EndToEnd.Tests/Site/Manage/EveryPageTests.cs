using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Volunteers;

namespace Platform.EndToEnd.Tests.Site.Manage;

/// <summary>
/// Issue 16 asks for zero axe violations on every back-office page, not only on those a journey passes through: this
/// walks the links of the back office from its home, as a member of staff and as an organisation user, and checks each
/// page it reaches (one of each kind: pages that differ only by an id are one kind). What the journeys before it made
/// (events, roles, programmes, keys) is there to be reached on a shared platform; on its own it still covers every list.
/// </summary>
public sealed partial class EveryPageTests(PlatformFixture platform, SiteBrowser browser)
{
    // One page of each kind: on the shared platform the journeys before it leave many of each, and checking more of one
    // kind costs CI time without reaching markup of another kind.
    private const int PerKind = 1;
    private const int MostPages = 60;

    [Fact]
    public async Task Every_back_office_page_staff_and_an_organisation_can_reach_has_no_axe_violations()
    {
        var staff = await browser.SignedInAsStaffAsync(platform);
        var staffPages = await WalkAsync(staff);

        var (_, token) = await platform.RegisteredOrganisationAsync();
        var organisation = await browser.WithSessionAsync(platform, token);
        var organisationPages = await WalkAsync(organisation);

        TestContext.Current.SendDiagnosticMessage($"checked {staffPages} pages as staff, {organisationPages} as an organisation user");
        Assert.True(staffPages >= 7, $"only {staffPages} back-office pages were reached as staff");
        Assert.True(organisationPages >= 2, $"only {organisationPages} back-office pages were reached as an organisation user");
    }

    /// <summary>Every page reachable by links under /manage (sign-out and downloads aside), axe-checked; returns how many.</summary>
    private static async Task<int> WalkAsync(IPage page)
    {
        var queue = new Queue<string>(["/manage"]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/manage" };
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        var failures = new List<string>();
        var checkedPages = 0;
        while (queue.TryDequeue(out var path) && checkedPages < MostPages)
        {
            var response = await page.GotoAsync(path);
            if (response is null || response.Status != 200 || !(response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal)))
            {
                continue;
            }

            checkedPages++;
            try
            {
                await SiteBrowser.AssertAccessibleAsync(page);
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException)
            {
                failures.Add(e.Message);
            }

            foreach (var href in await page.Locator("main a[href^='/manage'], nav a[href^='/manage']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
            {
                var link = href.Split('#')[0];
                if (link.Length == 0 || Skipped(link) || !seen.Add(link)) continue;
                var kind = Kind(link);
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                if (kinds[kind] <= PerKind) queue.Enqueue(link);
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        return checkedPages;
    }

    private static bool Skipped(string link) =>
        link.StartsWith("/manage/sign-out", StringComparison.Ordinal) || link.Contains(".csv", StringComparison.Ordinal)
        || link.Contains("qr", StringComparison.OrdinalIgnoreCase);

    /// <summary>Pages that differ only by ids or the query are one kind.</summary>
    private static string Kind(string link) => Id().Replace(link.Split('?')[0], "{id}");

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\b\\d+\\b")]
    private static partial Regex Id();
}
