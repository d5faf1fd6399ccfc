using MassTransit;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.News;
using Platform.Notifications.Subscriptions;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Alerts;

/// <summary>
/// An event was published: subscribers of events in its venue's district (or in every district) are told, at once or
/// in their digest (<see cref="AutomaticPosts"/>), once per event. Nothing is sent for an event staff kept out of the
/// alerts (an invitation-only training day).
/// </summary>
public sealed class AlertSubscribersOfEvent(AutomaticPosts posts, LocalTime localTime, IOptions<NotificationsOptions> options)
    : IConsumer<PartnershipEventPublished>
{
    public Task Consume(ConsumeContext<PartnershipEventPublished> context)
    {
        var e = context.Message;
        if (!e.SendAlerts) return Task.CompletedTask;

        var body = $"**{AutomaticPosts.Plain(e.Title)}**, {AutomaticPosts.Plain(localTime.Format(e.StartsAt))}, at {AutomaticPosts.Plain(e.VenueName)}"
            + (e.District is { Length: > 0 } district ? $" ({AutomaticPosts.Plain(district)})" : "") + ".\n"
            + AutomaticPosts.Link("See the programme and register", new Uri(options.Value.PublicBaseUrl, $"events/{e.PartnershipEventId}"));
        return posts.PublishAsync(e.PartnershipEventId, $"New event: {e.Title}", body, SubscriptionCatalog.Events, e.District,
            "events", context.CancellationToken);
    }
}
