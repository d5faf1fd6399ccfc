using MassTransit;
using Platform.Contracts.Volunteers;
using Platform.Messaging;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Volunteers;

/// <summary>Asks a volunteer the periodic check-in question, with the link that answers it.</summary>
public sealed class SendCheckInInvitation(OnceOnlyDelivery delivery, VolunteersEmails emails, LinkSecrets secrets) : IConsumer<CheckInDue>
{
    public Task Consume(ConsumeContext<CheckInDue> context)
    {
        // Opened only here, where the link is built; one that does not open goes to the error queue without retries.
        var message = secrets.Open(context.Message);
        return delivery.SendAsync(VolunteersEmails.CheckInKind, message.EventId, message.Email,
            () => emails.CheckIn(message), context.CancellationToken);
    }
}
