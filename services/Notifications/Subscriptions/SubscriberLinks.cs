using Microsoft.Extensions.Options;
using Platform.Notifications.Infrastructure;

namespace Platform.Notifications.Subscriptions;

/// <summary>The manage and unsubscribe links every subscriber email carries, and the RFC 8058 headers for one-click.</summary>
public sealed class SubscriberLinks(LinkTokens tokens, IOptions<NotificationsOptions> options)
{
    public const string ListUnsubscribe = "List-Unsubscribe";
    public const string ListUnsubscribePost = "List-Unsubscribe-Post";
    public const string OneClick = "List-Unsubscribe=One-Click";

    public Uri Manage(Guid subscriberId) =>
        new(options.Value.PublicBaseUrl, $"api/notifications/manage/{tokens.Create(LinkPurpose.Manage, subscriberId)}");

    public Uri Unsubscribe(Guid subscriberId) =>
        new(options.Value.PublicBaseUrl, $"api/notifications/unsubscribe/{tokens.Create(LinkPurpose.Unsubscribe, subscriberId)}");

    /// <summary>
    /// RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click" to this URL. (The RFC wants https; the public
    /// base URL is https wherever the platform faces the internet.)
    /// </summary>
    public IReadOnlyDictionary<string, string> Headers(Uri unsubscribe) => new Dictionary<string, string>
    {
        [ListUnsubscribe] = $"<{unsubscribe.AbsoluteUri}>",
        [ListUnsubscribePost] = OneClick,
    };
}
