using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.AppHost.Hosting.Resources;
using Platform.EndToEnd.Tests.Events;

namespace Platform.EndToEnd.Tests.Site.Events;

/// <summary>What the Events pages' tests share: an event of six workshops, finding it on the list, the emails' links.</summary>
internal static partial class EventsSite
{
    public static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(90);

    /// <summary>A conference of six workshops (two per hour, so the first and third never overlap) where a delegate chooses two.</summary>
    public static Task<TestEvent> SixWorkshopsChooseTwoAsync(this PlatformFixture platform) =>
        platform.PublishEventAsync(capacity: 50, workshopCapacities: [10, 10, 10, 10, 10, 10], minWorkshops: 2, maxWorkshops: 2);

    /// <summary>From /events, filtered to the event's district and day, paging on until its link shows; then opens it.</summary>
    public static async Task OpenFromListAsync(IPage page, TestEvent e, string screenshot)
    {
        await page.GotoAsync("/events");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Events");
        await SiteBrowser.CheckPageAsync(page, screenshot);
        await page.GetByLabel("District").SelectOptionAsync("Castleton");
        await page.GetByLabel("From", new() { Exact = true }).FillAsync(e.StartsAt.ToString("yyyy-MM-dd"));
        await page.GetByLabel("To", new() { Exact = true }).FillAsync(e.StartsAt.AddDays(1).ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("district=Castleton", StringComparison.Ordinal));
        // Paging on follows the "Next page" link's address with GotoAsync, which returns once the new page has loaded:
        // a click starts its navigation without waiting for it, so a count right after it reads the page being left.
        var link = page.GetByRole(AriaRole.Link, new() { Name = e.Title });
        for (var pages = 1; await link.CountAsync() == 0; pages++)
        {
            var next = page.GetByRole(AriaRole.Link, new() { Name = "Next page" });
            Assert.True(pages < 50 && await next.CountAsync() == 1,
                $"'{e.Title}' is on none of the {pages} pages of {page.Url}");
            await page.GotoAsync((await next.GetAttributeAsync("href"))!);
            await Assertions.Expect(page).ToHaveTitleAsync(new Regex($@"^Events \(page {pages + 1} of \d+\)"));
        }
        await link.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(e.Title);
    }

    /// <summary>The manage token in the confirmation email the delegate was sent, after checking it links to the site.</summary>
    public static async Task<string> ManageTokenFromEmailAsync(this PlatformFixture platform, string email)
    {
        var message = await platform.App.GetMailbox("mail").WaitForAsync(
            m => m.IsTo(email) && Decoded(m).Contains("/registrations/", StringComparison.Ordinal), MailTimeout);
        return ManageTokenIn(message);
    }

    /// <summary>The token of the site's manage link in an email, after checking the email never links to the API.</summary>
    public static string ManageTokenIn(ReceivedMessage message)
    {
        var body = Decoded(message);
        Assert.DoesNotContain("/api/events/registrations/", body);
        var link = ManageLink().Match(body);
        Assert.True(link.Success, $"No link to the site's manage page in \"{message.Subject}\".");
        return link.Groups["token"].Value;
    }

    // The text part is quoted-printable: undo soft line breaks before looking for words.
    public static string Decoded(ReceivedMessage m) => m.Raw.Replace("=\r\n", "").Replace("=\n", "");

    [GeneratedRegex(@"https?://[^\s""<>]+?/registrations/(?<token>[A-Za-z0-9_-]{43})")]
    private static partial Regex ManageLink();
}
