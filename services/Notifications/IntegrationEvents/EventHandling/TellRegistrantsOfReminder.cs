using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.IntegrationEvents.Events;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.IntegrationEvents.EventHandling;

/// <summary>Splits a reminder into one message per registrant's address (see <see cref="TellRegistrantsOfCancellation"/> for why).</summary>
public sealed class TellRegistrantsOfReminder(NotificationsDbContext db, IIntegrationEventOutbox outbox) : IConsumer<PartnershipEventReminderDue>
{
    public async Task Consume(ConsumeContext<PartnershipEventReminderDue> context)
    {
        var e = context.Message;
        foreach (var registrant in e.Registrants.DistinctBy(r => Subscriber.Normalize(r.Email)))
        {
            outbox.Add(new EventReminderEmailDue(e.EventId, e.Title, e.VenueName, e.StartsAt, registrant));
        }

        // The inbox filter would save these too; saving here keeps the split complete wherever the consumer runs.
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
