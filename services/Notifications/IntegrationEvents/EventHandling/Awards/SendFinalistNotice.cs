using MassTransit;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Awards;

/// <summary>
/// Tells one person a nominee is a finalist. Keyed on the original FinalistsConfirmed and the address, so a
/// replayed shortlist still sends each person one email.
/// </summary>
public sealed class SendFinalistNotice(OnceOnlyDelivery delivery, AwardsEmails emails) : IConsumer<FinalistEmailDue>
{
    public Task Consume(ConsumeContext<FinalistEmailDue> context) =>
        delivery.SendAsync(AwardsEmails.FinalistKind, context.Message.SourceEventId, context.Message.RecipientEmail,
            () => emails.Finalist(context.Message), context.CancellationToken);
}
