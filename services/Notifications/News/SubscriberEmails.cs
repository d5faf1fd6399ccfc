using Platform.Notifications.Delivery;
using Platform.Notifications.Subscriptions;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.News;

/// <summary>
/// The emails to subscribers: one news post (immediately) or a digest of several. Each carries the subscriber's own
/// manage and unsubscribe links in the body and the one-click headers.
/// </summary>
public sealed class SubscriberEmails(EmailTemplates templates, SubscriberLinks links, LocalTime localTime)
{
    public const string NewsKind = "news";
    public const string DigestKind = "digest";

    public RenderedEmail News(NewsPost post, Guid subscriberId)
    {
        return templates.Render(NewsKind, new
        {
            Post = Item(post),
            ManageLink = links.Manage(subscriberId).AbsoluteUri,
            UnsubscribeLink = links.Unsubscribe(subscriberId).AbsoluteUri,
        }) with
        { Headers = links.Headers(subscriberId) };
    }

    public RenderedEmail Digest(string frequency, IReadOnlyList<NewsPost> posts, Guid subscriberId)
    {
        return templates.Render(DigestKind, new
        {
            Period = frequency == SubscriptionCatalog.Weekly ? "weekly" : "daily",
            Count = posts.Count,
            Posts = posts.Select(Item).ToList(),
            ManageLink = links.Manage(subscriberId).AbsoluteUri,
            UnsubscribeLink = links.Unsubscribe(subscriberId).AbsoluteUri,
        }) with
        { Headers = links.Headers(subscriberId) };
    }

    private object Item(NewsPost post) => new
    {
        post.Title,
        post.BodyHtml,
        BodyText = post.BodyMarkdown,
        Topic = post.Topic,
        post.District,
        PublishedAt = post.PublishedAt is { } at ? localTime.Format(new DateTimeOffset(at, TimeSpan.Zero)) : "",
    };
}
