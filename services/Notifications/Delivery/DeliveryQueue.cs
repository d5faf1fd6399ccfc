using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.Delivery;

/// <summary>
/// The outgoing queue's state changes: claim (skipping rows other senders hold), hand over and mark sent (a send
/// written with the next hand-over, <see cref="DeliveryLedger"/>), put back for later, fail. A claim is a lease: a sender that dies holding it loses it when it lapses. A claim is
/// known by its <see cref="EmailDelivery.ClaimedUntil"/>, the same for one batch and later for every later claim, so a
/// sender that overran its lease cannot act on the claim of the sender that took the message over from it.
/// </summary>
public sealed class DeliveryQueue(NotificationsDbContext db, DeliveryLedger ledger, IOptions<DeliveryOptions> options, TimeProvider timeProvider)
{
    /// <summary>
    /// Claims up to <paramref name="count"/> due messages, transactional first. Within a priority the order is the id's:
    /// time-ordered (v7) for messages queued one by one, arbitrary among one fan-out's rows, which is all one post.
    /// </summary>
    public async Task<List<EmailDelivery>> ClaimAsync(int count, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var lease = now + options.Value.ClaimLease;
        // The settle scans the table, so it runs every few seconds rather than before every claim (at 100,000 rows that
        // was most of PostgreSQL's work in a fan-out); a lapsed claim on a handed-over message is never claimed again
        // meanwhile (the condition below), so it waits for the settle and is not sent twice.
        if (ledger.SettleDue(now)) await SettleHandedOverAsync(now, cancellationToken);
        var claimed = await db.Deliveries.FromSqlInterpolated($"""
            UPDATE delivery d SET status = {nameof(DeliveryStatus.Sending)}, claimed_until = {lease}, attempts = d.attempts + 1
            FROM (SELECT id FROM delivery
                  WHERE status IN ('Queued', 'Sending')
                    AND ((status = 'Queued' AND next_attempt_at <= {now})
                         OR (status = 'Sending' AND claimed_until < {now} AND handed_over_at IS NULL))
                  ORDER BY priority, id
                  LIMIT {count}
                  FOR UPDATE SKIP LOCKED) due
            WHERE d.id = due.id
            RETURNING d.*
            """).AsNoTracking().ToListAsync(cancellationToken);
        return [.. claimed.OrderBy(d => d.Priority).ThenBy(d => d.Id)];
    }

    /// <summary>
    /// A lapsed claim on a message whose sender had already written it to the mail server (<see cref="EmailDelivery.HandedOverAt"/>)
    /// and died before recording the answer: the server took it, unless the sender died in the microseconds between
    /// recording the hand-over and writing the end of data, or the server refused it at the end of data. Sending it
    /// again would almost surely deliver it twice, so it is counted sent, and the reason says it was in doubt.
    /// </summary>
    public async Task<int> SettleHandedOverAsync(DateTime now, CancellationToken cancellationToken)
    {
        var settled = await db.Deliveries
            .Where(d => d.Status == DeliveryStatus.Sending && d.ClaimedUntil < now && d.HandedOverAt != null)
            .ExecuteUpdateAsync(d => d
                .SetProperty(x => x.Status, DeliveryStatus.Sent)
                .SetProperty(x => x.SentAt, x => x.HandedOverAt)
                .SetProperty(x => x.ClaimedUntil, (DateTime?)null)
                .SetProperty(x => x.FailureReason, "in doubt: the sender ended after handing it to the mail server; counted sent")
                .SetProperty(x => x.Address, (string?)null)
                .SetProperty(x => x.TextBody, (string?)null)
                .SetProperty(x => x.HtmlBody, (string?)null)
                .SetProperty(x => x.Attachments, (string?)null), cancellationToken);
        return settled;
    }

    /// <summary>
    /// The whole message is written to the mail server and the end of data comes next: the hand-over goes to the
    /// database first, so a sender that dies from here on is not followed by a second copy
    /// (<see cref="SettleHandedOverAsync"/>). Only while the claim is this sender's. Synchronous, with the sends recorded
    /// since the last write (<see cref="DeliveryLedger"/>). While at least a quarter of the lease is left by this
    /// sender's clock (always, in a batch that stops at half its lease), no other sender can have taken the message, so
    /// the end of data follows the written record without waiting for its commit: the answer is read after it
    /// (<see cref="ConfirmHandOverAsync"/>), and this returns it pending. A claim nearer its end (a send that stalled, a
    /// clock that jumped) waits for the commit, which refuses the hand-over if the claim has gone: then null.
    /// </summary>
    public PendingHandOver? MarkHandedOver(EmailDelivery claimed)
    {
        if (claimed.ClaimedUntil - timeProvider.GetUtcNow().UtcDateTime > options.Value.ClaimLease / 4) return ledger.BeginHandOver(db, claimed);
        ledger.HandOver(db, claimed);
        return null;
    }

    /// <summary>The database's answer to a hand-over <see cref="MarkHandedOver"/> wrote without waiting; never throws.</summary>
    public Task<HandOverAnswer> ConfirmHandOverAsync(PendingHandOver pending) => ledger.ConfirmAsync(pending);

    /// <summary>Sent: written with the next hand-over of any sender (<see cref="DeliveryLedger"/>), or by <see cref="FlushSent"/>.</summary>
    public void MarkSent(Guid id) => ledger.Sent(id);

    /// <summary>Writes the sends recorded so far, as a sender's batch ends.</summary>
    public Task FlushSent()
    {
        ledger.Flush(db);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Back in the queue, those of <paramref name="claimed"/> still under this sender's claim.
    /// <paramref name="countAttempt"/> false when it was never tried (the circuit was open).
    /// </summary>
    public Task RequeueAsync(IReadOnlyCollection<EmailDelivery> claimed, bool countAttempt, int attempts, string? reason, CancellationToken cancellationToken)
    {
        if (claimed.Count == 0) return Task.CompletedTask;
        var claim = claimed.First().ClaimedUntil; // one claim for the batch
        var idList = claimed.Select(d => d.Id).ToList();
        var settings = options.Value;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var delay = countAttempt
            ? TimeSpan.FromTicks(Math.Min(settings.MaxRequeueDelay.Ticks, settings.RequeueDelay.Ticks * (1L << Math.Min(20, Math.Max(0, attempts - 1)))))
            : TimeSpan.Zero;
        return db.Deliveries.Where(d => idList.Contains(d.Id) && d.Status == DeliveryStatus.Sending && d.ClaimedUntil == claim).ExecuteUpdateAsync(d => d
            .SetProperty(x => x.Status, DeliveryStatus.Queued)
            .SetProperty(x => x.ClaimedUntil, (DateTime?)null)
            .SetProperty(x => x.HandedOverAt, (DateTime?)null)
            .SetProperty(x => x.NextAttemptAt, now + delay)
            .SetProperty(x => x.Attempts, x => countAttempt ? x.Attempts : x.Attempts - 1)
            .SetProperty(x => x.FailureReason, x => reason ?? x.FailureReason), cancellationToken);
    }

    /// <summary>
    /// Refused for good. When the server refused the address itself, the address is suppressed and its subscription
    /// ends with the reason, in the same transaction, so nothing more is queued for it.
    /// </summary>
    public async Task FailAsync(EmailDelivery delivery, string reason, bool suppressAddress, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        reason = reason.Length > 300 ? reason[..300] : reason;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Deliveries.Where(d => d.Id == delivery.Id && d.ClaimedUntil == delivery.ClaimedUntil).ExecuteUpdateAsync(d => d
            .SetProperty(x => x.Status, DeliveryStatus.Failed)
            .SetProperty(x => x.FailedAt, now)
            .SetProperty(x => x.FailureReason, reason)
            .SetProperty(x => x.ClaimedUntil, (DateTime?)null)
            .SetProperty(x => x.HandedOverAt, (DateTime?)null)
            .SetProperty(x => x.TextBody, (string?)null)
            .SetProperty(x => x.HtmlBody, (string?)null)
            .SetProperty(x => x.Attachments, (string?)null), cancellationToken);
        if (suppressAddress)
        {
            var fingerprint = Subscriber.Fingerprint(delivery.Recipient);
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO suppression (fingerprint, reason, created_at) VALUES ({fingerprint}, {reason}, {now}) ON CONFLICT DO NOTHING",
                cancellationToken);
            await db.Subscriptions
                .Where(s => s.Status != SubscriptionStatus.Ended && db.Subscribers.Any(r => r.Id == s.SubscriberId && r.NormalizedEmail == delivery.Recipient))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.Status, SubscriptionStatus.Ended)
                    .SetProperty(x => x.EndedAt, now)
                    .SetProperty(x => x.EndReason, "bounced: " + reason), cancellationToken);
            // Whatever else is waiting for this address would bounce too.
            await db.Deliveries
                .Where(d => d.Recipient == delivery.Recipient && d.Id != delivery.Id && d.Status == DeliveryStatus.Queued)
                .ExecuteUpdateAsync(d => d.SetProperty(x => x.Status, DeliveryStatus.Suppressed).SetProperty(x => x.FailureReason, "address suppressed"), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
