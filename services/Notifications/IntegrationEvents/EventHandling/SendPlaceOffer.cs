using MassTransit;
using Platform.Contracts.Events;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling;

/// <summary>Tells the first waiting delegate a place is held for them, and until when.</summary>
public sealed class SendPlaceOffer(OnceOnlyDelivery delivery, EventsEmails emails) : IConsumer<PlaceOffered>
{
    public Task Consume(ConsumeContext<PlaceOffered> context) =>
        delivery.SendAsync(EventsEmails.PlaceOfferedKind, context.Message.EventId, context.Message.Email,
            () => emails.PlaceOffered(context.Message), context.CancellationToken);
}
