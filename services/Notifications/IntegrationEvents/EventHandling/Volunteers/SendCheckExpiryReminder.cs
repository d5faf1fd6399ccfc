using MassTransit;
using Platform.Contracts.Volunteers;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Volunteers;

/// <summary>
/// Tells the volunteer and their organisation's contact that a background check or qualification is about to lapse.
/// Two recipients, each recorded separately, so a redelivery after one send sends only the other.
/// </summary>
public sealed class SendCheckExpiryReminder(OnceOnlyDelivery delivery, VolunteersEmails emails) : IConsumer<CheckExpiring>
{
    public async Task Consume(ConsumeContext<CheckExpiring> context)
    {
        var e = context.Message;
        await delivery.SendAsync(VolunteersEmails.CheckExpiringKind, e.EventId, e.Email, () => emails.CheckExpiring(e, toOrganisation: false), context.CancellationToken);
        await delivery.SendAsync(VolunteersEmails.CheckExpiringKind, e.EventId, e.OrganisationContactEmail,
            () => emails.CheckExpiring(e, toOrganisation: true), context.CancellationToken);
    }
}
