using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.Delivery;

/// <summary>
/// The one path every consumer sends through: record the delivery, send, mark it sent. Runs inside the consumer's
/// inbox transaction, so the delivery record, the inbox row and the "sent" mark commit together after the mail
/// server has accepted the message; a redelivered or replayed event finds the record and sends nothing.
/// </summary>
public sealed partial class OnceOnlyDelivery(
    NotificationsDbContext db,
    IEmailSender emailSender,
    TimeProvider timeProvider,
    ILogger<OnceOnlyDelivery> logger)
{
    /// <summary>Sends unless (kind, source event, recipient) was sent already. <paramref name="render"/> runs only when it will be sent.</summary>
    public async Task<bool> SendAsync(string kind, Guid sourceEventId, string to, Func<RenderedEmail> render, CancellationToken ct)
    {
        var recipient = Subscriber.Normalize(to);
        var delivery = await db.Deliveries.SingleOrDefaultAsync(
            d => d.Kind == kind && d.SourceEventId == sourceEventId && d.Recipient == recipient, ct);
        if (delivery is { Status: DeliveryStatus.Sent })
        {
            LogAlreadySent(logger, kind, sourceEventId);
            return false;
        }

        if (delivery is null)
        {
            // Inserted before sending: a concurrent copy of this event blocks on the unique key until this
            // transaction ends, then fails and on retry finds the delivery already sent.
            delivery = new EmailDelivery
            {
                Kind = kind,
                SourceEventId = sourceEventId,
                Recipient = recipient,
                Status = DeliveryStatus.Sending,
                CreatedAt = timeProvider.GetUtcNow().UtcDateTime,
            };
            db.Deliveries.Add(delivery);
            await db.SaveChangesAsync(ct);
        }

        await emailSender.SendAsync(to.Trim(), render(), ct);

        delivery.Status = DeliveryStatus.Sent;
        delivery.SentAt = timeProvider.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Kind} email for event {EventId} was already sent; not sending again")]
    private static partial void LogAlreadySent(ILogger logger, string kind, Guid eventId);
}
