using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Volunteers;

namespace Platform.EndToEnd.Tests.Site.Volunteering;

/// <summary>
/// The volunteering pages in a real browser, through the gateway: find a role, apply, follow the application from its
/// email, and, once the organisation has taken the applicant on, the volunteer's own page from the welcome email: log
/// hours, answer the check-in, take a break, leave with the exit survey. Final states are read back through the API.
/// </summary>
[Collection(DisturbsPlatformCollection.Name)]
public sealed partial class VolunteeringSiteTests(PlatformFixture platform, SiteBrowser browser)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    [Fact]
    public async Task A_visitor_without_script_finds_a_role_applies_and_volunteers_from_the_email_links_to_leaving()
    {
        var (organisation, orgToken) = await platform.RegisteredOrganisationAsync();
        await platform.ApproveAsync(organisation);
        var role = await platform.OpenRoleAsync(orgToken);
        var title = (await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/volunteers/roles/{role}", orgToken)).GetProperty("title").GetString()!;
        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!, javaScript: false);

        // Search with filters (a GET form), then the role's page.
        await page.GotoAsync("/volunteering");
        await SiteBrowser.CheckPageAsync(page, "volunteering-search");
        await page.GetByLabel("Keywords").FillAsync(title);
        await page.GetByLabel("District").SelectOptionAsync("Castleton");
        await page.GetByLabel("When you are free").SelectOptionAsync("weekends");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search roles" }).ClickAsync();
        Assert.Contains("district=Castleton", page.Url);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 open role" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync(title);
        await Assertions.Expect(page.GetByText("A basic DBS check")).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "volunteering-role");

        // Apply: a first try with mistakes keeps what was typed and links each error to its field.
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply for this role" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToContainTextAsync("Apply to be a volunteer");
        await SiteBrowser.CheckPageAsync(page, "volunteering-apply");
        var email = Addresses.Unique("SiteVolunteer");
        await page.GetByLabel("Full name").FillAsync("Sam Site");
        await page.GetByLabel("Email address").FillAsync("sam at example");
        await page.GetByLabel("Why do you want to volunteer in this role?").FillAsync("To make the roads safer for children.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send application" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        Assert.Equal("#Form_Email", await summary.GetByRole(AriaRole.Link, new() { Name = "Enter an email address in the correct format, like name@example.com" }).GetAttributeAsync("href"));
        Assert.Equal("#Form_AgeBand", await summary.GetByRole(AriaRole.Link, new() { Name = "Select your age" }).GetAttributeAsync("href"));
        Assert.Equal("#Form_Availability", await summary.GetByRole(AriaRole.Link, new() { Name = "Select when you can volunteer" }).GetAttributeAsync("href"));
        Assert.Equal("#Form_Consent", await summary.GetByRole(AriaRole.Link, new() { Name = "Agree to the organisation holding your details to apply" }).GetAttributeAsync("href"));
        await Assertions.Expect(page.GetByLabel("Full name")).ToHaveValueAsync("Sam Site");
        await Assertions.Expect(page.GetByLabel("Why do you want to volunteer in this role?")).ToHaveValueAsync("To make the roads safer for children.");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: "));
        await SiteBrowser.CheckPageAsync(page, "volunteering-apply-errors");

        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Phone number (optional)").FillAsync("07700 900123");
        await page.GetByLabel("District you live in (optional)").SelectOptionAsync("Castleton");
        await page.GetByLabel("25 to 34").CheckAsync();
        await page.GetByLabel("Weekends").CheckAsync();
        await page.GetByLabel("Your skills (optional)").FillAsync("driving, first aid");
        await page.GetByLabel(new Regex("^I agree to ")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send application" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Application sent");
        await SiteBrowser.CheckPageAsync(page, "volunteering-applied");

        // The acknowledgement's link is the application's page.
        var mailbox = platform.App.GetMailbox("mail");
        var acknowledgement = await mailbox.WaitForAsync(m => m.IsTo(email) && VolunteersActors.Decoded(m).Contains("/volunteering/applications/"), VolunteersActors.MailTimeout);
        var decoded = VolunteersActors.Decoded(acknowledgement);
        Assert.DoesNotContain("/api/", decoded);
        var manage = ApplicationLink().Match(decoded).Groups["path"].Value;
        await page.GotoAsync(manage);
        await Assertions.Expect(page.Locator(".govuk-tag")).ToHaveTextAsync("Received");
        await SiteBrowser.CheckPageAsync(page, "volunteering-application");

        // The organisation takes the applicant on; the page says so, and the welcome email links to the volunteer's page.
        var applications = await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/volunteers/organisation/applications?roleId={role}", orgToken);
        var application = applications.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid();
        var volunteerToken = await platform.WalkToActiveAsync(orgToken, application, email);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".govuk-tag")).ToHaveTextAsync("Volunteering");

        await page.GotoAsync($"/volunteering/you/{volunteerToken}");
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Your volunteering");
        await SiteBrowser.CheckPageAsync(page, "volunteering-you");
        var me = await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/volunteers/volunteering/{volunteerToken}", orgToken);
        var volunteer = me.GetProperty("id").GetGuid();
        var startedOn = DateOnly.Parse(me.GetProperty("startedOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        // Log hours: a mistake first, then the hours, which the organisation sees and approves.
        await page.GetByRole(AriaRole.Button, new() { Name = "Log hours" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Log your hours");
        await SiteBrowser.CheckPageAsync(page, "volunteering-log-hours");
        await page.GetByLabel("How many hours?").FillAsync("30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log hours" }).ClickAsync();
        Assert.Equal("#Date", await page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link, new() { Name = "Enter the date you volunteered" }).GetAttributeAsync("href"));
        await Assertions.Expect(page.GetByLabel("How many hours?")).ToHaveValueAsync("30");
        await SiteBrowser.CheckPageAsync(page, "volunteering-log-hours-errors");
        await page.GetByLabel("Day").FillAsync(startedOn.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Month").FillAsync(startedOn.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Year").FillAsync(startedOn.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("How many hours?").FillAsync("2.5");
        await page.GetByLabel("What did you do? (optional)").FillAsync("Speedwatch outside the school");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log hours" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your hours have been logged.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Speedwatch outside the school" })).ToBeVisibleAsync();
        var hours = await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/volunteers/organisation/hours?volunteerId={volunteer}", orgToken);
        var entry = hours.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(2.5m, entry.GetProperty("hours").GetDecimal());
        Assert.Equal("Speedwatch outside the school", entry.GetProperty("activity").GetString());
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/volunteers/organisation/hours/{entry.GetProperty("id").GetGuid()}/approve", orgToken);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#approved-hours")).ToHaveTextAsync("2.5");

        // The periodic check-in, from its own email once a check-in interval has passed.
        await platform.AdvanceClockAsync("volunteers", TimeSpan.FromDays(91));
        var checkInEmail = await mailbox.WaitForAsync(m => m.IsTo(email) && VolunteersActors.Decoded(m).Contains("/volunteering/check-ins/"), VolunteersActors.MailTimeout);
        var checkIn = CheckInLink().Match(VolunteersActors.Decoded(checkInEmail)).Groups["path"].Value;
        await page.GotoAsync(checkIn);
        await Assertions.Expect(Heading(page)).ToContainTextAsync("How is volunteering going");
        await SiteBrowser.CheckPageAsync(page, "volunteering-check-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        Assert.Equal("#Score", await page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        await page.GetByLabel("Happy", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Anything you would like to tell us? (optional)").FillAsync("The team is lovely.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Thank you");
        await SiteBrowser.CheckPageAsync(page, "volunteering-check-in-thanks");
        using var publicClient = platform.CreatePublicClient();
        var question = await publicClient.GetFromJsonAsync<JsonElement>("/api" + checkIn.Replace("/volunteering", "/volunteers", StringComparison.Ordinal), Cancel);
        Assert.True(question.GetProperty("answered").GetBoolean());

        // The check-in email carries a fresh volunteer link; the one from the welcome email no longer works.
        var checkInLink = VolunteerLink().Match(VolunteersActors.Decoded(checkInEmail)).Groups["path"].Value;
        Assert.NotEqual($"/volunteering/you/{volunteerToken}", checkInLink);
        await page.GotoAsync($"/volunteering/you/{volunteerToken}");
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("This link has expired or is not recognised");

        // Lost that email too: the page offers a fresh link by email address, which replaces the check-in email's.
        await page.GetByRole(AriaRole.Link, new() { Name = "Get a new link to your volunteer page by email" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Get a new link to your volunteer page");
        await SiteBrowser.CheckPageAsync(page, "volunteering-new-link");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a new link" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Check your email");
        await SiteBrowser.CheckPageAsync(page, "volunteering-new-link-sent");
        var newLinkEmail = await mailbox.WaitForAsync(m => m.IsTo(email) && VolunteersActors.Decoded(m).Contains("You asked for a new link"), VolunteersActors.MailTimeout);
        var freshLink = VolunteerLink().Match(VolunteersActors.Decoded(newLinkEmail)).Groups["path"].Value;
        Assert.NotEqual(checkInLink, freshLink);
        Assert.Equal(404, (await page.GotoAsync(checkInLink))!.Status);

        // A break, then leaving with the exit survey.
        await page.GotoAsync(freshLink);
        await page.GetByRole(AriaRole.Link, new() { Name = "Take a break" }).ClickAsync();
        await SiteBrowser.CheckPageAsync(page, "volunteering-pause");
        var back = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(200);
        await page.GetByLabel("Day").FillAsync(back.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Month").FillAsync(back.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Year").FillAsync(back.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Take a break" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-tag")).ToHaveTextAsync("Taking a break");

        await page.GetByRole(AriaRole.Link, new() { Name = "Stop volunteering" }).ClickAsync();
        await SiteBrowser.CheckPageAsync(page, "volunteering-leave");
        await page.GetByLabel("Anything else you would like to tell us? (optional)").FillAsync("I have a new job with long hours.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop volunteering" }).ClickAsync();
        Assert.Equal("#Reason", await page.Locator(".govuk-error-summary").GetByRole(AriaRole.Link, new() { Name = "Select why you are leaving" }).GetAttributeAsync("href"));
        await Assertions.Expect(page.GetByLabel("Anything else you would like to tell us? (optional)")).ToHaveValueAsync("I have a new job with long hours.");
        await SiteBrowser.CheckPageAsync(page, "volunteering-leave-errors");
        await page.GetByLabel("Work commitments").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Stop volunteering" }).ClickAsync();
        await Assertions.Expect(page.GetByText("You have left.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".govuk-tag")).ToHaveTextAsync("Left");
        // Once left, the link's page is minimal: no hours, no record beyond having left.
        await Assertions.Expect(page.GetByText("Speedwatch outside the school")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#approved-hours")).ToHaveCountAsync(0);
        await SiteBrowser.CheckPageAsync(page, "volunteering-you-left");

        var record = await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/volunteers/organisation/volunteers/{volunteer}", orgToken);
        Assert.Equal("left", record.GetProperty("status").GetString());
        Assert.Equal("work", record.GetProperty("exitReason").GetString());
        Assert.Equal("I have a new job with long hours.", record.GetProperty("exitSurvey").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task With_script_the_home_page_offers_roles_near_me_and_an_applicant_withdraws_from_the_email_link()
    {
        var (organisation, orgToken) = await platform.RegisteredOrganisationAsync();
        await platform.ApproveAsync(organisation);
        var role = await platform.OpenRoleAsync(orgToken);
        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!, javaScript: true);

        await page.GotoAsync("/");
        var nearMe = page.GetByRole(AriaRole.Region, new() { Name = "Volunteer near you" });
        await nearMe.GetByLabel("Your district").SelectOptionAsync("Castleton");
        await nearMe.GetByRole(AriaRole.Button, new() { Name = "Show roles" }).ClickAsync();
        Assert.Contains("district=Castleton", page.Url);
        await Assertions.Expect(nearMe.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^See all .* in Castleton$") })).ToBeVisibleAsync();
        await Assertions.Expect(nearMe.Locator("a[href^='/volunteering/roles/']").First).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "volunteering-home");

        await page.GotoAsync($"/volunteering/roles/{role}/apply");
        var email = Addresses.Unique("SiteWithdraw");
        await page.GetByLabel("Full name").FillAsync("Wren Withdraw");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("18 to 24").CheckAsync();
        await page.GetByLabel("Weekday evenings").CheckAsync();
        await page.GetByLabel("Why do you want to volunteer in this role?").FillAsync("I drive past the school every day.");
        await page.GetByLabel(new Regex("^I agree to ")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send application" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToHaveTextAsync("Application sent");

        // The same address again: the service refuses, and says why at the top of the form.
        await page.GotoAsync($"/volunteering/roles/{role}/apply");
        await page.GetByLabel("Full name").FillAsync("Wren Withdraw");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("18 to 24").CheckAsync();
        await page.GetByLabel("Weekday evenings").CheckAsync();
        await page.GetByLabel("Why do you want to volunteer in this role?").FillAsync("Again.");
        await page.GetByLabel(new Regex("^I agree to ")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send application" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("already an application");

        var acknowledgement = await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(email) && VolunteersActors.Decoded(m).Contains("/volunteering/applications/"), VolunteersActors.MailTimeout);
        var manage = ApplicationLink().Match(VolunteersActors.Decoded(acknowledgement)).Groups["path"].Value;
        await page.GotoAsync(manage);
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw application" }).ClickAsync();
        await Assertions.Expect(Heading(page)).ToContainTextAsync("Are you sure you want to withdraw");
        await SiteBrowser.CheckPageAsync(page, "volunteering-withdraw");
        await page.GetByLabel("Tell the organisation why (optional)").FillAsync("I have found another role.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, withdraw my application" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Your application has been withdrawn")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".govuk-tag")).ToHaveTextAsync("Withdrawn");
        await SiteBrowser.CheckPageAsync(page, "volunteering-application-withdrawn");

        var applications = await platform.Gateway.SendAsync(HttpMethod.Get, $"/api/volunteers/organisation/applications?roleId={role}", orgToken);
        var stored = applications.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("withdrawn", stored.GetProperty("stage").GetString());
        Assert.Equal("I have found another role.", stored.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_unknown_or_expired_link_shows_a_clear_page_saying_what_to_do()
    {
        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!, javaScript: false);
        var unknown = new string('x', 43);
        foreach (var path in new[] { $"/volunteering/applications/{unknown}", $"/volunteering/you/{unknown}", $"/volunteering/you/{unknown}/hours", $"/volunteering/check-ins/{unknown}" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(Heading(page)).ToHaveTextAsync("This link has expired or is not recognised");
        }

        await SiteBrowser.CheckPageAsync(page, "volunteering-link-not-recognised");
        var missing = await page.GotoAsync($"/volunteering/roles/{Guid.CreateVersion7()}");
        Assert.Equal(404, missing!.Status);
        await page.Context.CloseAsync();
    }

    [GeneratedRegex(@"https?://[^/\s]+(?<path>/volunteering/applications/[A-Za-z0-9_-]{43})")]
    private static partial Regex ApplicationLink();

    [GeneratedRegex(@"https?://[^/\s]+(?<path>/volunteering/check-ins/[A-Za-z0-9_-]{43})")]
    private static partial Regex CheckInLink();

    [GeneratedRegex(@"https?://[^/\s]+(?<path>/volunteering/you/[A-Za-z0-9_-]{43})")]
    private static partial Regex VolunteerLink();
}
