using MassTransit;
using Platform.Contracts.Events;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling;

/// <summary>Confirms a delegate's own cancellation, so a cancellation they did not make does not go unnoticed.</summary>
public sealed class SendRegistrationCancellation(OnceOnlyDelivery delivery, EventsEmails emails) : IConsumer<RegistrationCancelled>
{
    public Task Consume(ConsumeContext<RegistrationCancelled> context) =>
        delivery.SendAsync(EventsEmails.RegistrationCancelledKind, context.Message.EventId, context.Message.Email,
            () => emails.RegistrationCancelled(context.Message), context.CancellationToken);
}
