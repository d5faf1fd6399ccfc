using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.AppHost.Hosting.Resources;
using Platform.EndToEnd.Tests.Notifications;

namespace Platform.EndToEnd.Tests.Site.EmailUpdates;

/// <summary>The links in subscriber emails, and what the API says about a subscription, for the site's journeys.</summary>
internal static partial class SubscriberLinks
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Every http(s) link in the email's body (both parts); headers such as List-Unsubscribe are left out.</summary>
    public static IReadOnlyList<Uri> BodyLinks(ReceivedMessage message)
    {
        var decoded = message.Decoded().Replace("\r\n", "\n");
        var body = decoded.Split("\n\n", 2)[1];
        return AnyLink().Matches(body).Select(m => new Uri(m.Value)).Distinct().ToList();
    }

    /// <summary>Every link in the body opens one of the site's pages: none points at the API.</summary>
    public static void AssertEveryLinkIsASitePage(ReceivedMessage message)
    {
        var links = BodyLinks(message);
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.False(link.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal) || link.AbsolutePath.StartsWith("/gateway/", StringComparison.Ordinal),
            $"{message.DecodedSubject()}: {link.AbsolutePath} is not a site page"));
    }

    public static Uri Link(ReceivedMessage message, string page) =>
        BodyLinks(message).First(l => l.AbsolutePath.StartsWith($"/email-updates/{page}/", StringComparison.Ordinal));

    public static string Token(Uri link) => link.Segments[3].TrimEnd('/');

    /// <summary>What the API holds for a manage link's subscriber; null once erased.</summary>
    public static async Task<JsonElement?> SubscriptionAsync(this PlatformFixture platform, Uri manageLink)
    {
        using var response = await platform.Gateway.GetAsync($"/api/notifications/manage/{Token(manageLink)}", Cancel);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(Cancel) : null;
    }

    public static Task<long> ConfirmedAsync(this PlatformFixture platform, string email) => platform.App.CountAsync("notificationsdb",
        "SELECT count(*) FROM subscription s JOIN subscriber r ON r.id = s.subscriber_id WHERE r.normalized_email = @e AND s.status = 'Confirmed'",
        ("e", email.ToLowerInvariant()));

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex AnyLink();
}
