using MassTransit;
using Platform.Contracts.Events;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling;

/// <summary>Tells the delegate a chosen workshop was full and where they are on its waitlist.</summary>
public sealed class SendWaitlistNotice(OnceOnlyDelivery delivery, EventsEmails emails) : IConsumer<RegistrationWaitlisted>
{
    public Task Consume(ConsumeContext<RegistrationWaitlisted> context) =>
        delivery.SendAsync(EventsEmails.WaitlistedKind, context.Message.EventId, context.Message.Email,
            () => emails.Waitlisted(context.Message), context.CancellationToken);
}
