using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling;

/// <summary>Tells the delegate their registration stands, with the manage link and the calendar entry attached.</summary>
public sealed class SendRegistrationConfirmation(OnceOnlyDelivery delivery, EventsEmails emails, LinkSecrets secrets) : IConsumer<RegistrationConfirmed>
{
    public Task Consume(ConsumeContext<RegistrationConfirmed> context)
    {
        // Opened only here, where the link is built; one that does not open goes to the error queue without retries.
        var message = secrets.Open(context.Message);
        return delivery.SendAsync(EventsEmails.RegistrationConfirmedKind, message.EventId, message.Email,
            () => emails.Confirmed(message), context.CancellationToken);
    }
}
