using MassTransit;
using Platform.Contracts.Awards;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Awards;

/// <summary>Thanks the nominator and gives them the link to view or withdraw their nomination.</summary>
public sealed class SendNominationAcknowledgement(OnceOnlyDelivery delivery, AwardsEmails emails) : IConsumer<NominationReceived>
{
    public Task Consume(ConsumeContext<NominationReceived> context) =>
        delivery.SendAsync(AwardsEmails.NominationReceivedKind, context.Message.EventId, context.Message.NominatorEmail,
            () => emails.NominationReceived(context.Message), context.CancellationToken);
}
