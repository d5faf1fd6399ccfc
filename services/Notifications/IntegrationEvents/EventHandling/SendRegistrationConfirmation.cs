using MassTransit;
using Platform.Contracts.Events;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling;

/// <summary>Tells the delegate their registration stands, with the manage link and the calendar entry attached.</summary>
public sealed class SendRegistrationConfirmation(OnceOnlyDelivery delivery, EventsEmails emails) : IConsumer<RegistrationConfirmed>
{
    public Task Consume(ConsumeContext<RegistrationConfirmed> context) =>
        delivery.SendAsync(EventsEmails.RegistrationConfirmedKind, context.Message.EventId, context.Message.Email,
            () => emails.Confirmed(context.Message), context.CancellationToken);
}
