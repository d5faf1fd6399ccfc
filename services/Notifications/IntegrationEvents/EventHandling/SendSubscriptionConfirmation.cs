using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Notifications;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.IntegrationEvents.EventHandling;

/// <summary>
/// Emails the confirmation link. Runs inside the inbox transaction, so the delivery record, the inbox row and
/// the "sent" mark commit together after the mail server has accepted the message.
/// </summary>
public sealed partial class SendSubscriptionConfirmation(
    NotificationsDbContext db,
    IEmailSender emailSender,
    IOptions<NotificationsOptions> options,
    TimeProvider timeProvider,
    ILogger<SendSubscriptionConfirmation> logger) : IConsumer<SubscriptionRequested>
{
    public const string Kind = "subscription-confirmation";

    public async Task Consume(ConsumeContext<SubscriptionRequested> context)
    {
        var request = context.Message;
        var ct = context.CancellationToken;
        var recipient = Subscriber.Normalize(request.Email);

        if (!await IsStillWantedAsync(request, ct))
        {
            LogSuperseded(logger, request.SubscriptionId);
            return;
        }

        var delivery = await db.Deliveries.SingleOrDefaultAsync(
            d => d.Kind == Kind && d.SourceEventId == request.EventId && d.Recipient == recipient, ct);
        if (delivery is { Status: DeliveryStatus.Sent })
        {
            LogAlreadySent(logger, request.EventId);
            return;
        }

        if (delivery is null)
        {
            // Inserted before sending: a concurrent copy of this event blocks on the unique key until this
            // transaction ends, then fails and on retry finds the delivery already sent.
            delivery = new EmailDelivery
            {
                Kind = Kind,
                SourceEventId = request.EventId,
                Recipient = recipient,
                Status = DeliveryStatus.Sending,
                CreatedAt = timeProvider.GetUtcNow().UtcDateTime,
            };
            db.Deliveries.Add(delivery);
            await db.SaveChangesAsync(ct);
        }

        await emailSender.SendAsync(request.Email, ConfirmationEmail.Render(request, options.Value.PublicBaseUrl), ct);

        delivery.Status = DeliveryStatus.Sent;
        delivery.SentAt = timeProvider.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
    }

    // A newer request replaced the token, or the subscription was confirmed or expired: this link would not work.
    private Task<bool> IsStillWantedAsync(SubscriptionRequested request, CancellationToken ct)
    {
        var hash = ConfirmationToken.HashOf(request.ConfirmationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return db.Subscriptions.AnyAsync(
            s => s.Id == request.SubscriptionId && s.Status == SubscriptionStatus.Pending && s.ConfirmationTokenHash == hash && s.ConfirmBy > now,
            ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Confirmation for subscription {SubscriptionId} is no longer needed; not sent")]
    private static partial void LogSuperseded(ILogger logger, Guid subscriptionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Confirmation for event {EventId} was already sent; not sending again")]
    private static partial void LogAlreadySent(ILogger logger, Guid eventId);
}
