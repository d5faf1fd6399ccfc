using Microsoft.Extensions.Options;
using Platform.Notifications.Infrastructure;

namespace Platform.Notifications.Subscriptions;

/// <summary>The manage and unsubscribe links every subscriber email carries, and the RFC 8058 headers for one-click.</summary>
public sealed class SubscriberLinks(LinkTokens tokens, IOptions<NotificationsOptions> options)
{
    public const string ListUnsubscribe = "List-Unsubscribe";
    public const string ListUnsubscribePost = "List-Unsubscribe-Post";
    public const string OneClick = "List-Unsubscribe=One-Click";

    /// <summary>The site's manage preferences page (the body's link).</summary>
    public Uri Manage(Guid subscriberId) =>
        new(options.Value.PublicBaseUrl, $"email-updates/manage/{tokens.Create(LinkPurpose.Manage, subscriberId)}");

    /// <summary>The site's unsubscribe page with its button (the body's link, for people).</summary>
    public Uri Unsubscribe(Guid subscriberId) =>
        new(options.Value.PublicBaseUrl, $"email-updates/unsubscribe/{tokens.Create(LinkPurpose.Unsubscribe, subscriberId)}");

    /// <summary>
    /// The API's unsubscribe URL, for the List-Unsubscribe header only: mail clients POST "List-Unsubscribe=One-Click"
    /// to it with no cookie or antiforgery token, which the API accepts and the site's forms (antiforgery on every
    /// POST) would not. The same token works on the site's page.
    /// </summary>
    public Uri OneClickUnsubscribe(Guid subscriberId) =>
        new(options.Value.PublicBaseUrl, $"api/notifications/unsubscribe/{tokens.Create(LinkPurpose.Unsubscribe, subscriberId)}");

    /// <summary>
    /// RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to the API's URL. (The RFC wants https; the public
    /// base URL is https wherever the platform faces the internet.)
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers(Guid subscriberId) => new Dictionary<string, string>
    {
        [ListUnsubscribe] = $"<{OneClickUnsubscribe(subscriberId).AbsoluteUri}>",
        [ListUnsubscribePost] = OneClick,
    };
}
