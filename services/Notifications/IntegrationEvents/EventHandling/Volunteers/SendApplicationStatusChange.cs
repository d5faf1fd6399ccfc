using MassTransit;
using Platform.Contracts.Volunteers;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Volunteers;

/// <summary>Tells an applicant where their application now stands; on becoming Active, with their volunteer link.</summary>
public sealed class SendApplicationStatusChange(OnceOnlyDelivery delivery, VolunteersEmails emails) : IConsumer<ApplicationStatusChanged>
{
    public Task Consume(ConsumeContext<ApplicationStatusChanged> context) =>
        delivery.SendAsync(VolunteersEmails.ApplicationStatusKind, context.Message.EventId, context.Message.Email,
            () => emails.ApplicationStatusChanged(context.Message), context.CancellationToken);
}
