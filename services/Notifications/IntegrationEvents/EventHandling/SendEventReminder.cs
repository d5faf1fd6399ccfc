using MassTransit;
using Platform.Notifications.Delivery;
using Platform.Notifications.IntegrationEvents.Events;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling;

/// <summary>Reminds one registrant the event is coming up; keyed on the original reminder, as <see cref="SendEventCancellation"/> is.</summary>
public sealed class SendEventReminder(OnceOnlyDelivery delivery, EventsEmails emails) : IConsumer<EventReminderEmailDue>
{
    public Task Consume(ConsumeContext<EventReminderEmailDue> context) =>
        delivery.SendAsync(EventsEmails.ReminderKind, context.Message.SourceEventId, context.Message.Registrant.Email,
            () => emails.Reminder(context.Message), context.CancellationToken);
}
