using MassTransit;
using Platform.Contracts.Volunteers;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Volunteers;

/// <summary>Asks a volunteer the periodic check-in question, with the link that answers it.</summary>
public sealed class SendCheckInInvitation(OnceOnlyDelivery delivery, VolunteersEmails emails) : IConsumer<CheckInDue>
{
    public Task Consume(ConsumeContext<CheckInDue> context) =>
        delivery.SendAsync(VolunteersEmails.CheckInKind, context.Message.EventId, context.Message.Email,
            () => emails.CheckIn(context.Message), context.CancellationToken);
}
