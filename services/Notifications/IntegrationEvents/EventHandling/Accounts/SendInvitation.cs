using MassTransit;
using Platform.Contracts.Gateway;
using Platform.Messaging;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Accounts;

/// <summary>Emails an invitee the link to choose a password (the gateway sends no email itself).</summary>
public sealed class SendInvitation(OnceOnlyDelivery delivery, AccountsEmails emails, LinkSecrets secrets) : IConsumer<InvitationIssued>
{
    public Task Consume(ConsumeContext<InvitationIssued> context)
    {
        // Opened only here, where the link is built; one that does not open goes to the error queue without retries.
        var message = secrets.Open(context.Message);
        return delivery.SendAsync(AccountsEmails.InvitationKind, message.EventId, message.Email,
            () => emails.Invitation(message), context.CancellationToken);
    }
}
