using MassTransit;
using Platform.Contracts.Awards;
using Platform.Messaging;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Awards;

/// <summary>Thanks the nominator and gives them the link to view or withdraw their nomination.</summary>
public sealed class SendNominationAcknowledgement(OnceOnlyDelivery delivery, AwardsEmails emails, LinkSecrets secrets) : IConsumer<NominationReceived>
{
    public Task Consume(ConsumeContext<NominationReceived> context)
    {
        // Opened only here, where the link is built; one that does not open goes to the error queue without retries.
        var message = secrets.Open(context.Message);
        return delivery.SendAsync(AwardsEmails.NominationReceivedKind, message.EventId, message.NominatorEmail,
            () => emails.NominationReceived(message), context.CancellationToken);
    }
}
