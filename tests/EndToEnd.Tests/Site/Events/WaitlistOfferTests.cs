using System.Net;
using Microsoft.Playwright;
using Platform.EndToEnd.Tests.Events;

namespace Platform.EndToEnd.Tests.Site.Events;

/// <summary>
/// A full workshop chosen on the site puts the delegate on its waiting list; a cancellation offers the place by an
/// email whose link opens the manage page, where the place is accepted.
/// </summary>
public sealed class WaitlistOfferTests(PlatformFixture platform, SiteBrowser browser)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_waiting_delegate_accepts_the_offered_place_from_the_offer_emails_link()
    {
        var e = await platform.PublishEventAsync(capacity: 10, workshopCapacities: [1]);
        var workshop = e.Workshops[0];
        using var client = platform.CreatePublicClient();
        var (firstToken, _) = await platform.RegisterWithEmailedTokenAsync(client, e, EventsActors.Delegate(Addresses.Unique("site-first"), workshop));

        var email = Addresses.Unique("site-waiting");
        var page = await browser.NewVisitorAsync(platform.Gateway.BaseAddress!);
        await page.GotoAsync($"/events/{e.Id}/register");
        await Assertions.Expect(page.GetByText("Full: you will join the waiting list.")).ToBeVisibleAsync();
        await page.GetByLabel("Workshop 1", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Full name").FillAsync("Wai Ting");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Health").CheckAsync();
        await page.GetByLabel("I agree that the partnership keeps these details").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your email");
        var token = await platform.ManageTokenFromEmailAsync(email);
        await page.GotoAsync($"/registrations/{token}");
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Workshop 1" })).ToContainTextAsync("On the waiting list");

        using (var cancelled = await client.DeleteAsync(EventsActors.ManagePath(firstToken), Cancel))
            Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var offer = await platform.App.GetMailbox("mail").WaitForAsync(
            m => m.IsTo(email) && m.Subject?.StartsWith("A place is held for you", StringComparison.Ordinal) == true, EventsSite.MailTimeout);
        var offerToken = EventsSite.ManageTokenIn(offer); // a link of the offer's own (Events keeps no token to repeat)

        await page.GotoAsync($"/registrations/{offerToken}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "A place is held for you" })).ToBeVisibleAsync();
        await SiteBrowser.CheckPageAsync(page, "events-manage-offer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept the place in Workshop 1" }).ClickAsync();
        await Assertions.Expect(page.GetByText("You have accepted the place.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row, new() { Name = "Workshop 1" })).ToContainTextAsync("Place confirmed");
        Assert.Equal("confirmed", (await client.ManagedAsync(token)).ChoiceStatus(workshop)); // the confirmation's link still works too
        await page.Context.CloseAsync();
    }
}
