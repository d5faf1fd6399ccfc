using System.Text;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Awards;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.News;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.IntegrationEvents.EventHandling;

/// <summary>
/// The embargo on the winners has lifted: a news post on the awards topic, published in the inbox transaction, so
/// immediate subscribers are queued now and digest subscribers get it in their next digest, each once. Keyed on the
/// event, so a replay (a new message id the inbox cannot catch) finds the post and publishes nothing again.
/// </summary>
public sealed class TellSubscribersOfWinners(NotificationsDbContext db, NewsPublishing publishing, TimeProvider timeProvider) : IConsumer<WinnersAnnounced>
{
    public async Task Consume(ConsumeContext<WinnersAnnounced> context)
    {
        var e = context.Message;
        var ct = context.CancellationToken;
        if (await db.NewsPosts.AnyAsync(p => p.SourceEventId == e.EventId, ct)) return;

        var body = Body(e);
        var post = new NewsPost
        {
            Title = Truncate($"{e.ProgrammeName} {e.Year}: the winners", NewsLimits.TitleLength),
            BodyMarkdown = body,
            BodyHtml = NewsMarkdown.ToHtml(body),
            Topic = SubscriptionCatalog.Awards,
            Status = NewsPostStatus.Draft,
            CreatedAt = timeProvider.GetUtcNow().UtcDateTime,
            Author = "awards",
            SourceEventId = e.EventId,
        };
        db.NewsPosts.Add(post);
        await db.SaveChangesAsync(ct);
        await publishing.PublishAsync(post.Id, ct);
    }

    private static string Body(WinnersAnnounced e)
    {
        var text = new StringBuilder($"The winners of the {e.ProgrammeName} {e.Year} have been announced.\n");
        foreach (var winner in e.Winners)
        {
            text.Append($"\n## {Plain(winner.CategoryName)}\n\n**{Plain(winner.NomineeName)}**");
            if (winner.NomineeOrganisation is { Length: > 0 } organisation) text.Append($", {Plain(organisation)}");
            if (winner.District is { Length: > 0 } district) text.Append($" ({Plain(district)})");
            text.Append($"\n\n{Plain(winner.Citation)}\n");
        }

        if (Uri.TryCreate(e.ResultsUrl, UriKind.Absolute, out var results) && results.Scheme is "https" or "http")
        {
            text.Append($"\nSee all the results: <{results.AbsoluteUri}>\n");
        }

        return text.ToString();
    }

    // Names are text, not Markdown: a "*" or "#" in a nominee's name must not become formatting.
    private static string Plain(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.ReplaceLineEndings(" "))
        {
            if ("\\`*_{}[]<>()#+-.!|~".Contains(c)) builder.Append('\\');
            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
