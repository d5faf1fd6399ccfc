using System.Text;
using MassTransit;
using Platform.Contracts.Awards;
using Platform.Notifications.News;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.IntegrationEvents.EventHandling;

/// <summary>
/// The embargo on the winners has lifted: a news post on the awards topic (<see cref="AutomaticPosts"/>). Keyed on the
/// event, so a replay (a new message id the inbox cannot catch) finds the post and publishes nothing again.
/// </summary>
public sealed class TellSubscribersOfWinners(AutomaticPosts posts) : IConsumer<WinnersAnnounced>
{
    public Task Consume(ConsumeContext<WinnersAnnounced> context)
    {
        var e = context.Message;
        return posts.PublishAsync(e.EventId, $"{e.ProgrammeName} {e.Year}: the winners", Body(e), SubscriptionCatalog.Awards, null, "awards",
            context.CancellationToken);
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

    private static string Plain(string value) => AutomaticPosts.Plain(value);
}
