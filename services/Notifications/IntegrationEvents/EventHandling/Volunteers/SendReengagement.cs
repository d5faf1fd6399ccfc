using MassTransit;
using Platform.Contracts.Volunteers;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Volunteers;

/// <summary>Reaches out to a volunteer flagged at risk of drifting away (Volunteers sends the event once per cool-off).</summary>
public sealed class SendReengagement(OnceOnlyDelivery delivery, VolunteersEmails emails) : IConsumer<VolunteerAtRisk>
{
    public Task Consume(ConsumeContext<VolunteerAtRisk> context) =>
        delivery.SendAsync(VolunteersEmails.ReengagementKind, context.Message.EventId, context.Message.Email,
            () => emails.Reengagement(context.Message), context.CancellationToken);
}
