using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.Delivery;

/// <summary>
/// The one path every consumer sends through. It does not talk to the mail server: it puts the rendered message on the
/// durable outgoing queue (the delivery row), inside the consumer's inbox transaction, so the delivery record, the
/// inbox row and the queued message commit together. A redelivered or replayed event finds the record and queues
/// nothing; an SMTP outage delays the message, it never loses it (<see cref="DeliverySender"/> drains the queue).
/// </summary>
public sealed partial class OnceOnlyDelivery(
    NotificationsDbContext db,
    DeliverySignal signal,
    TimeProvider timeProvider,
    ILogger<OnceOnlyDelivery> logger)
{
    /// <summary>Queues unless (kind, source event, recipient) was queued already. <paramref name="render"/> runs only when it will be sent.</summary>
    public Task<bool> SendAsync(string kind, Guid sourceEventId, string to, Func<RenderedEmail> render, CancellationToken ct) =>
        SendAsync(kind, sourceEventId, to, render, DeliveryPriority.Transactional, null, ct);

    public async Task<bool> SendAsync(
        string kind, Guid sourceEventId, string to, Func<RenderedEmail> render, DeliveryPriority priority, Guid? subscriberId, CancellationToken ct)
    {
        var recipient = Subscriber.Normalize(to);
        var erased = Subscriber.Fingerprint(recipient);
        if (await db.Deliveries.AnyAsync(
                d => d.Kind == kind && d.SourceEventId == sourceEventId && (d.Recipient == recipient || d.Recipient == erased), ct))
        {
            LogAlreadySent(logger, kind, sourceEventId);
            return false;
        }

        var now = timeProvider.GetUtcNow().UtcDateTime;
        var suppressed = await db.Suppressions.AnyAsync(s => s.Fingerprint == erased, ct);
        var delivery = new EmailDelivery
        {
            Kind = kind,
            SourceEventId = sourceEventId,
            Recipient = recipient,
            Priority = priority,
            SubscriberId = subscriberId,
            CreatedAt = now,
            NextAttemptAt = now,
            Status = suppressed ? DeliveryStatus.Suppressed : DeliveryStatus.Queued,
        };
        if (!suppressed)
        {
            var email = render();
            delivery.Address = to.Trim();
            delivery.Subject = email.Subject;
            delivery.TextBody = email.TextBody;
            delivery.HtmlBody = email.HtmlBody;
            delivery.Attachments = email.Attachments.Count > 0 ? JsonSerializer.Serialize(email.Attachments) : null;
        }

        // A concurrent copy of this event blocks on the unique key until this transaction ends, then fails and on
        // retry finds the delivery recorded.
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        if (suppressed)
        {
            LogSuppressed(logger, kind, sourceEventId);
            return false;
        }

        signal.Wake();
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Kind} email for event {EventId} was already sent; not sending again")]
    private static partial void LogAlreadySent(ILogger logger, string kind, Guid eventId);

    [LoggerMessage(Level = LogLevel.Information, Message = "The {Kind} email for event {EventId} is to a suppressed address; not sent")]
    private static partial void LogSuppressed(ILogger logger, string kind, Guid eventId);
}
