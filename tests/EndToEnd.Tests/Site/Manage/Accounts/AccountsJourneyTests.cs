using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Site.Manage.Accounts;

/// <summary>
/// Accounts in the back office: staff invite a colleague, who chooses a password from the emailed link and signs in,
/// and staff disable them (their session ends at once); someone who forgot their password resets it from the email.
/// Every page reached is checked with axe and photographed (<see cref="SiteBrowser.CheckPageAsync"/>).
/// </summary>
public sealed class AccountsJourneyTests(PlatformFixture platform, SiteBrowser browser)
{
    [Fact]
    public async Task Staff_invite_a_colleague_who_sets_a_password_from_the_email_signs_in_and_is_disabled()
    {
        var email = Addresses.Unique("colleague");
        const string password = "colleague's long passphrase";
        var staff = await browser.SignedInAsStaffAsync(platform);
        await staff.GotoAsync("/manage/accounts");
        await SiteBrowser.CheckPageAsync(staff, "manage-accounts");

        await staff.GetByLabel("Email address").FillAsync(email);
        await staff.GetByLabel("A member of the office's staff").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await Assertions.Expect(staff.GetByText($"We have emailed an invitation to {email}.")).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(staff, "manage-accounts-invited");

        // The colleague follows the link in their email.
        var colleague = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!);
        await colleague.GotoAsync("/manage/invitation/" + await platform.EmailedTokenAsync(email, "manage/invitation/"));
        await SiteBrowser.CheckPageAsync(colleague, "manage-invitation");
        await colleague.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await colleague.GetByLabel("Type the password again").FillAsync(password);
        await colleague.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(colleague.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your account is ready");
        await SiteBrowser.CheckPageAsync(colleague, "manage-invitation-accepted");
        await colleague.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await ManageBrowser.SignInAsync(colleague, email, password);
        await Assertions.Expect(colleague.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Back office");

        // Staff see the colleague's role, and disable them: their session ends at once.
        await staff.GotoAsync("/manage/accounts");
        var row = staff.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Assertions.Expect(row).ToContainTextAsync("Staff");
        await Assertions.Expect(staff.GetByRole(AriaRole.Row).Filter(new() { HasText = GatewayActors.StaffEmail })).ToContainTextAsync("This is you");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Disable {email}" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Row).Filter(new() { HasText = email })).ToContainTextAsync("Disabled");
        await SiteBrowser.CheckPageAsync(staff, "manage-accounts-disabled");
        await colleague.GotoAsync("/manage");
        await Assertions.Expect(colleague.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in to the back office");
    }

    [Fact]
    public async Task An_organisation_user_who_forgot_their_password_resets_it_from_the_email_and_the_link_then_works_no_more()
    {
        var email = Addresses.Unique("forgetful");
        var staff = await platform.LoginAsStaffAsync();
        await platform.InviteAndAcceptAsync(staff, email, "the password I forgot", await platform.Gateway.CreateOrganisationAsync(staff));

        var visitor = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!);
        await visitor.GotoAsync("/manage/sign-in");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        await SiteBrowser.CheckPageAsync(visitor, "manage-forgot-password");
        await visitor.GetByLabel("Email address").FillAsync(email);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send the link" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        await SiteBrowser.CheckPageAsync(visitor, "manage-forgot-password-sent");

        var link = "/manage/reset-password/" + await platform.EmailedTokenAsync(email, "manage/reset-password/");
        await visitor.GotoAsync(link);
        await visitor.GetByLabel("Password", new() { Exact = true }).FillAsync("a remembered passphrase");
        await visitor.GetByLabel("Type the password again").FillAsync("a different passphrase");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(visitor.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the same password twice");
        await SiteBrowser.CheckPageAsync(visitor, "manage-reset-password-mismatch");

        await visitor.GetByLabel("Password", new() { Exact = true }).FillAsync("a remembered passphrase");
        await visitor.GetByLabel("Type the password again").FillAsync("a remembered passphrase");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your password is changed");
        await SiteBrowser.CheckPageAsync(visitor, "manage-reset-password-done");

        // The link has done its work: used again, it says so plainly.
        await visitor.GotoAsync(link);
        await visitor.GetByLabel("Password", new() { Exact = true }).FillAsync("a third passphrase here");
        await visitor.GetByLabel("Type the password again").FillAsync("a third passphrase here");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Assertions.Expect(visitor.Locator(".govuk-error-summary")).ToContainTextAsync("already used");
        await SiteBrowser.CheckPageAsync(visitor, "manage-reset-password-used");

        // Signed in with the new password, an organisation's user cannot reach staff's accounts page.
        var signedIn = await browser.SignedInAsync(platform, email, "a remembered passphrase");
        var accounts = await signedIn.GotoAsync("/manage/accounts");
        Assert.Equal(403, accounts!.Status);
    }
}
