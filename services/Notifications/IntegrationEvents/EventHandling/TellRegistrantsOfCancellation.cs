using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.IntegrationEvents.Events;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.IntegrationEvents.EventHandling;

/// <summary>
/// Splits a cancelled event's registrant list into one message per address, through the outbox in the inbox
/// transaction, so each email is sent and recorded on its own (see <see cref="SendEventCancellation"/>).
/// </summary>
public sealed class TellRegistrantsOfCancellation(NotificationsDbContext db, IIntegrationEventOutbox outbox) : IConsumer<PartnershipEventCancelled>
{
    public async Task Consume(ConsumeContext<PartnershipEventCancelled> context)
    {
        var e = context.Message;
        foreach (var registrant in e.Registrants.DistinctBy(r => Subscriber.Normalize(r.Email)))
        {
            outbox.Add(new EventCancellationEmailDue(e.EventId, e.Title, e.StartsAt, registrant));
        }

        // The inbox filter would save these too; saving here keeps the split complete wherever the consumer runs.
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
