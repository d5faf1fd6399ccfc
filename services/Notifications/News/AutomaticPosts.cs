using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Infrastructure;

namespace Platform.Notifications.News;

/// <summary>
/// Posts this service writes itself from another service's event (the winners, a role opened, an event published),
/// published in the consumer's inbox transaction: immediate subscribers of the topic (and district) are queued now,
/// digest subscribers get it in their next digest, each once. Keyed on <c>source</c>, so the same item announced again
/// (a replay with a new message id, a role re-announced when its organisation is approved again) publishes nothing.
/// </summary>
public sealed class AutomaticPosts(NotificationsDbContext db, NewsPublishing publishing, TimeProvider timeProvider)
{
    /// <param name="source">What makes this post once: the integration event's id, or the item's own id.</param>
    /// <param name="author">The service it came from ("awards", "events", "volunteers").</param>
    public async Task PublishAsync(Guid source, string title, string bodyMarkdown, string topic, string? district, string author, CancellationToken ct)
    {
        if (await db.NewsPosts.Where(p => p.SourceEventId == source).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct) is { } existing)
        {
            // Published already: nothing (PublishAsync leaves a published post alone). A draft: published now.
            await publishing.PublishAsync(existing, ct);
            return;
        }

        var post = new NewsPost
        {
            Title = title.Length <= NewsLimits.TitleLength ? title : title[..NewsLimits.TitleLength],
            BodyMarkdown = bodyMarkdown,
            BodyHtml = NewsMarkdown.ToHtml(bodyMarkdown),
            Topic = topic,
            District = district,
            Status = NewsPostStatus.Draft,
            CreatedAt = timeProvider.GetUtcNow().UtcDateTime,
            Author = author,
            SourceEventId = source,
        };
        db.NewsPosts.Add(post);
        await db.SaveChangesAsync(ct);
        await publishing.PublishAsync(post.Id, ct);
    }

    /// <summary>Text, not Markdown: a "*" or "#" in a name or title must not become formatting.</summary>
    public static string Plain(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.ReplaceLineEndings(" "))
        {
            if ("\\`*_{}[]<>()#+-.!|~".Contains(c)) builder.Append('\\');
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>A link line for the site's page, or nothing when the address is not a web one.</summary>
    public static string Link(string text, Uri page) =>
        page.Scheme is "https" or "http" ? $"\n{text}: <{page.AbsoluteUri}>\n" : "";
}
