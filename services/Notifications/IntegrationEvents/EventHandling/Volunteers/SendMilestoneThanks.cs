using MassTransit;
using Platform.Contracts.Volunteers;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Volunteers;

/// <summary>Thanks a volunteer for reaching a milestone.</summary>
public sealed class SendMilestoneThanks(OnceOnlyDelivery delivery, VolunteersEmails emails) : IConsumer<MilestoneReached>
{
    public Task Consume(ConsumeContext<MilestoneReached> context) =>
        delivery.SendAsync(VolunteersEmails.MilestoneKind, context.Message.EventId, context.Message.Email,
            () => emails.Milestone(context.Message), context.CancellationToken);
}
