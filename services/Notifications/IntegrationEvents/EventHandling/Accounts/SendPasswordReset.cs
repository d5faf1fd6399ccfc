using MassTransit;
using Platform.Contracts.Gateway;
using Platform.Messaging;
using Platform.Notifications.Delivery;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.IntegrationEvents.EventHandling.Accounts;

/// <summary>Emails an account's own address the password-reset link someone asked for.</summary>
public sealed class SendPasswordReset(OnceOnlyDelivery delivery, AccountsEmails emails, LinkSecrets secrets) : IConsumer<PasswordResetRequested>
{
    public Task Consume(ConsumeContext<PasswordResetRequested> context)
    {
        var message = secrets.Open(context.Message);
        return delivery.SendAsync(AccountsEmails.PasswordResetKind, message.EventId, message.Email,
            () => emails.PasswordReset(message), context.CancellationToken);
    }
}
