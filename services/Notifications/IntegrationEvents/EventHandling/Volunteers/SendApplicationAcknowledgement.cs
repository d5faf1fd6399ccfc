using MassTransit;
using Platform.Contracts.Volunteers;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Volunteers;

/// <summary>Tells an applicant their application arrived, with the manage link.</summary>
public sealed class SendApplicationAcknowledgement(OnceOnlyDelivery delivery, VolunteersEmails emails) : IConsumer<ApplicationReceived>
{
    public Task Consume(ConsumeContext<ApplicationReceived> context) =>
        delivery.SendAsync(VolunteersEmails.ApplicationReceivedKind, context.Message.EventId, context.Message.Email,
            () => emails.ApplicationReceived(context.Message), context.CancellationToken);
}
