using MassTransit;
using Platform.Contracts.Volunteers;
using Platform.Messaging;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Volunteers;

/// <summary>Tells an applicant their application arrived, with the manage link.</summary>
public sealed class SendApplicationAcknowledgement(OnceOnlyDelivery delivery, VolunteersEmails emails, LinkSecrets secrets) : IConsumer<ApplicationReceived>
{
    public Task Consume(ConsumeContext<ApplicationReceived> context)
    {
        // Opened only here, where the link is built; one that does not open goes to the error queue without retries.
        var message = secrets.Open(context.Message);
        return delivery.SendAsync(VolunteersEmails.ApplicationReceivedKind, message.EventId, message.Email,
            () => emails.ApplicationReceived(message), context.CancellationToken);
    }
}
