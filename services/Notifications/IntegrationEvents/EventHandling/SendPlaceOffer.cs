using MassTransit;
using Platform.Contracts.Events;
using Platform.Messaging;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling;

/// <summary>Tells the first waiting delegate a place is held for them, and until when.</summary>
public sealed class SendPlaceOffer(OnceOnlyDelivery delivery, EventsEmails emails, LinkSecrets secrets) : IConsumer<PlaceOffered>
{
    public Task Consume(ConsumeContext<PlaceOffered> context)
    {
        // Opened only here, where the link is built; one that does not open goes to the error queue without retries.
        var message = secrets.Open(context.Message);
        return delivery.SendAsync(EventsEmails.PlaceOfferedKind, message.EventId, message.Email,
            () => emails.PlaceOffered(message), context.CancellationToken);
    }
}
