using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Volunteers;

namespace Platform.EndToEnd.Tests.Site.Manage.Volunteering;

/// <summary>
/// The volunteering back office's main task in a real browser through the whole platform: an organisation user posts a
/// role, opens it, and moves an applicant along the board to Active (the history records every move); another
/// organisation's user gets the "page not found" page for that role and application. Every page is checked with axe
/// and photographed.
/// </summary>
public sealed class VolunteeringBackOfficeTests(PlatformFixture platform, SiteBrowser browser)
{
    private static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    [Fact]
    public async Task An_organisation_posts_a_role_and_moves_an_applicant_to_active_which_another_organisation_cannot_reach()
    {
        var email = Addresses.Unique("BackOfficeCoordinator");
        var (organisation, organisationToken) = await platform.RegisteredOrganisationAsync(email);
        await platform.ApproveAsync(organisation);
        var page = await browser.SignedInAsync(platform, email, VolunteersActors.Password);

        await page.GetByRole(AriaRole.Link, new() { Name = "Volunteering", Exact = true }).First.ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Volunteering");
        await Assertions.Expect(page.GetByText("Approved", new() { Exact = true })).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "manage-volunteering");

        // Post a role: a first try without its required answers keeps what was typed and names each missing answer.
        await page.GetByRole(AriaRole.Button, new() { Name = "Post a role" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Post a role");
        var title = $"Speedwatch volunteer {Guid.CreateVersion7():N}";
        await page.GetByLabel("Role title").FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Role title")).ToHaveValueAsync(title);
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await SiteBrowser.CheckPageAsync(page, "manage-volunteering-role-errors");

        await page.GetByLabel("What the volunteer will do").FillAsync("Help residents check speeds on their roads.");
        await page.GetByLabel("Area of community safety").SelectOptionAsync("roadSafety");
        await page.GetByLabel("District", new() { Exact = true }).SelectOptionAsync("Castleton");
        await page.GetByLabel("Where (leave empty if the role is remote)").FillAsync("Village hall");
        await page.GetByLabel("Skills (separated by commas)").FillAsync("driving");
        await page.GetByLabel("Time commitment").FillAsync("4 hours a month");
        await page.GetByLabel("Weekends").CheckAsync();
        await page.GetByLabel("Background check needed").SelectOptionAsync("basic");
        await page.GetByLabel("Places", new() { Exact = true }).FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("#role-status")).ToHaveTextAsync("Draft");
        await SiteBrowser.CheckPageAsync(page, "manage-volunteering-role-draft");
        var roleId = Guid.Parse(new Uri(page.Url).Segments[^1].TrimEnd('/'));

        await page.GetByRole(AriaRole.Button, new() { Name = "Open the role to applications" }).ClickAsync();
        await Assertions.Expect(page.Locator("#role-status")).ToHaveTextAsync("Open");

        // Someone applies (the public pages have their own test), then the board moves them stage by stage.
        var (applicationId, _) = await platform.ApplyAsync(roleId, Addresses.Unique("BackOfficeApplicant"));
        await page.GotoAsync($"/manage/volunteering/applications?roleId={roleId}");
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Applications board");
        await SiteBrowser.CheckPageAsync(page, "manage-volunteering-board");
        var card = page.Locator($"#application-{applicationId}");
        foreach (var (stage, column) in new[] { ("Screening", "screening"), ("Interview", "interview"), ("Background check", "backgroundCheck"), ("Onboarding", "onboarding") })
        {
            await card.GetByRole(AriaRole.Button, new() { Name = $"Move to {stage}" }).ClickAsync();
            await Assertions.Expect(page.Locator($"section[aria-labelledby='stage-{column}'] #application-{applicationId}")).ToBeVisibleAsync();
        }

        // The last move from the application's own page, which shows every move with who and when.
        await card.GetByRole(AriaRole.Link, new() { Name = "Val Volunteer" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Val Volunteer");
        await page.GetByLabel("Active", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#application-stage")).ToHaveTextAsync("Active");
        // Applying, then the five moves, each with who made it.
        await Assertions.Expect(page.Locator("#history tbody tr")).ToHaveCountAsync(6);
        await Assertions.Expect(page.Locator("#history tbody tr").Last).ToContainTextAsync(new Regex(@"Onboarding\s+Active"));
        await SiteBrowser.CheckPageAsync(page, "manage-volunteering-application");
        var stored = await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/volunteers/organisation/applications/{applicationId}", organisationToken);
        Assert.Equal("active", stored.GetProperty("stage").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, stored.GetProperty("volunteerId").ValueKind);

        await page.GetByRole(AriaRole.Link, new() { Name = "Now one of your volunteers" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Val Volunteer" })).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "manage-volunteering-volunteers");
        await page.GotoAsync("/manage/volunteering/retention");
        await Assertions.Expect(page.Locator("figure svg").First).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "manage-volunteering-retention");

        // Another organisation's user: the role and the application do not exist for them, on the page as in the API.
        var otherEmail = Addresses.Unique("OtherCoordinator");
        await platform.RegisteredOrganisationAsync(otherEmail);
        var other = await browser.SignedInAsync(platform, otherEmail, VolunteersActors.Password);
        foreach (var path in new[] { $"/manage/volunteering/roles/{roleId}", $"/manage/volunteering/applications/{applicationId}", $"/manage/volunteering/applications?roleId={roleId}" })
        {
            var response = await other.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(Heading(other)).ToHaveTextAsync("Page not found");
            await Assertions.Expect(other.GetByText("Val Volunteer")).ToHaveCountAsync(0);
        }
        await SiteBrowser.CheckPageAsync(other, "manage-volunteering-other-organisation");
        await other.GotoAsync("/manage/volunteering/applications");
        await Assertions.Expect(Heading(other)).ToHaveTextAsync("Applications board");
        await Assertions.Expect(other.GetByText("Val Volunteer")).ToHaveCountAsync(0);
    }
}
