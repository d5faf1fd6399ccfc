using MassTransit;
using Platform.Contracts.Volunteers;
using Platform.Messaging;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Volunteers;

/// <summary>Tells an applicant where their application now stands; on becoming Active, with their volunteer link.</summary>
public sealed class SendApplicationStatusChange(OnceOnlyDelivery delivery, VolunteersEmails emails, LinkSecrets secrets) : IConsumer<ApplicationStatusChanged>
{
    public Task Consume(ConsumeContext<ApplicationStatusChanged> context)
    {
        // Opened only here, where the link is built; one that does not open goes to the error queue without retries.
        var message = secrets.Open(context.Message);
        return delivery.SendAsync(VolunteersEmails.ApplicationStatusKind, message.EventId, message.Email,
            () => emails.ApplicationStatusChanged(message), context.CancellationToken);
    }
}
