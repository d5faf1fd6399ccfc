using MassTransit;
using Platform.Contracts.Events;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling;

/// <summary>
/// Tells one delegate what changed about their event, with their updated calendar. Keyed on the notice, so a replayed
/// message sends nothing again, while a later notice about the same event is a new email.
/// </summary>
public sealed class SendChangeNotice(OnceOnlyDelivery delivery, EventsEmails emails) : IConsumer<EventChangeNoticeDue>
{
    public Task Consume(ConsumeContext<EventChangeNoticeDue> context) =>
        delivery.SendAsync(EventsEmails.EventChangedKind, context.Message.NoticeId, context.Message.Registrant.Email,
            () => emails.Changed(context.Message), context.CancellationToken);
}
