using MassTransit;
using Platform.Contracts.Volunteers;
using Platform.Messaging;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Volunteers;

/// <summary>Sends a volunteer who asked for it the fresh link to their volunteer page.</summary>
public sealed class SendFreshVolunteerLink(OnceOnlyDelivery delivery, VolunteersEmails emails, LinkSecrets secrets) : IConsumer<VolunteerLinkRenewed>
{
    public Task Consume(ConsumeContext<VolunteerLinkRenewed> context)
    {
        // Opened only here, where the link is built; one that does not open goes to the error queue without retries.
        var message = secrets.Open(context.Message);
        return delivery.SendAsync(VolunteersEmails.FreshLinkKind, message.EventId, message.Email,
            () => emails.FreshLink(message), context.CancellationToken);
    }
}
