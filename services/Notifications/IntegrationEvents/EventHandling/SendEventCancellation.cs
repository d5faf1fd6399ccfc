using MassTransit;
using Platform.Notifications.Delivery;
using Platform.Notifications.IntegrationEvents.Events;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling;

/// <summary>
/// Tells one registrant the event is off. Keyed on the original cancellation, not this message, so a replayed
/// cancellation (which splits into new messages) still sends each registrant one email.
/// </summary>
public sealed class SendEventCancellation(OnceOnlyDelivery delivery, EventsEmails emails) : IConsumer<EventCancellationEmailDue>
{
    public Task Consume(ConsumeContext<EventCancellationEmailDue> context) =>
        delivery.SendAsync(EventsEmails.EventCancelledKind, context.Message.SourceEventId, context.Message.Registrant.Email,
            () => emails.EventCancelled(context.Message), context.CancellationToken);
}
