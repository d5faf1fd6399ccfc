using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Notifications;
using Platform.Messaging;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.Reports;
using Platform.ServiceDefaults.Serialization;

namespace Platform.Notifications.Subscriptions;

public sealed record SubscriptionView(string Email, IReadOnlyList<string> Topics, IReadOnlyList<string> Districts, string Frequency, string Status);

public enum ChangeOutcome
{
    Changed,
    NotFound,
    NotActive,
}

/// <summary>
/// What a subscriber does through the links in their emails: see and change their choices, leave, or have their
/// address forgotten. The caller has already proved the subscriber id with a signed token.
/// </summary>
public sealed class SubscriberAccount(NotificationsDbContext db, IIntegrationEventOutbox outbox, TimeProvider timeProvider)
{
    public const string Unsubscribed = "unsubscribed";
    public const string Erased = "erased";

    public async Task<SubscriptionView?> ViewAsync(Guid subscriberId, CancellationToken cancellationToken) =>
        await db.Subscribers.AsNoTracking()
            .Where(s => s.Id == subscriberId && s.Subscription != null)
            .Select(s => new SubscriptionView(s.Email, s.Subscription!.Topics, s.Subscription.Districts, s.Subscription.Frequency, EnumSpelling.Of(s.Subscription.Status)))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<ChangeOutcome> ChangeAsync(Guid subscriberId, ValidChoices choices, CancellationToken cancellationToken)
    {
        var subscription = await db.Subscriptions.SingleOrDefaultAsync(s => s.SubscriberId == subscriberId, cancellationToken);
        if (subscription is null) return ChangeOutcome.NotFound;
        // A manage link outlives an unsubscribe; it must not quietly sign the address up again.
        if (subscription.Status != SubscriptionStatus.Confirmed) return ChangeOutcome.NotActive;

        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (subscription.Frequency == SubscriptionCatalog.Immediately && choices.Frequency != SubscriptionCatalog.Immediately)
        {
            // Everything up to now was sent immediately (or was not wanted); the first digest starts from here.
            subscription.DigestThrough = now;
        }

        subscription.Topics = [.. choices.Topics];
        subscription.Districts = [.. choices.Districts];
        subscription.Frequency = choices.Frequency;
        await db.SaveChangesAsync(cancellationToken);
        return ChangeOutcome.Changed;
    }

    /// <summary>Ends the subscription and withdraws whatever bulk mail is still queued for it. Repeating it changes nothing.</summary>
    public async Task<bool> UnsubscribeAsync(Guid subscriberId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var subscription = await db.Subscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.SubscriberId == subscriberId, cancellationToken);
        if (subscription is null) return false;

        var ended = await db.Subscriptions
            .Where(s => s.Id == subscription.Id && s.Status != SubscriptionStatus.Ended)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, SubscriptionStatus.Ended)
                .SetProperty(x => x.EndedAt, now.UtcDateTime)
                .SetProperty(x => x.EndReason, Unsubscribed)
                .SetProperty(x => x.ConfirmationTokenHash, (byte[]?)null), cancellationToken);
        if (ended > 0)
        {
            await CancelQueuedAsync(subscriberId, cancellationToken);
            outbox.Add(new SubscriberUnsubscribed(subscription.Id, Unsubscribed) { OccurredAt = now });
            await db.SaveChangesAsync(cancellationToken);
            await db.IncrementAsync(Metrics.Unsubscribed, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Forgets the address at once: the subscriber and subscription go, queued mail to it is withdrawn, and past delivery
    /// records keep only a fingerprint (enough to still refuse to send a replayed event twice).
    /// </summary>
    public Task<bool> EraseAsync(string normalizedEmail, CancellationToken cancellationToken) =>
        ForgetAsync(normalizedEmail, Metrics.Erased, cancellationToken);

    /// <summary>As <see cref="EraseAsync(string, CancellationToken)"/>, counted under <paramref name="metric"/> (erased, expired, removed).</summary>
    public async Task<bool> ForgetAsync(string normalizedEmail, string metric, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var subscriber = await db.Subscribers.Include(s => s.Subscription).SingleOrDefaultAsync(s => s.NormalizedEmail == normalizedEmail, cancellationToken);
        var fingerprint = Subscriber.Fingerprint(normalizedEmail);
        await db.Deliveries
            .Where(d => d.Recipient == normalizedEmail && (d.Status == DeliveryStatus.Queued || d.Status == DeliveryStatus.Sending))
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Status, DeliveryStatus.Cancelled).SetProperty(x => x.FailureReason, Erased), cancellationToken);
        var anonymised = await db.Deliveries
            .Where(d => d.Recipient == normalizedEmail)
            .ExecuteUpdateAsync(d => d
                .SetProperty(x => x.Recipient, fingerprint)
                .SetProperty(x => x.Address, (string?)null)
                .SetProperty(x => x.TextBody, (string?)null)
                .SetProperty(x => x.HtmlBody, (string?)null)
                .SetProperty(x => x.Attachments, (string?)null), cancellationToken);

        if (subscriber is not null)
        {
            if (subscriber.Subscription is { Status: SubscriptionStatus.Confirmed } active)
            {
                outbox.Add(new SubscriberUnsubscribed(active.Id, Erased) { OccurredAt = now });
            }

            db.Subscribers.Remove(subscriber);
            await db.SaveChangesAsync(cancellationToken);
            await db.IncrementAsync(metric, now, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return subscriber is not null || anonymised > 0;
    }

    public async Task<bool> EraseAsync(Guid subscriberId, CancellationToken cancellationToken)
    {
        var email = await db.Subscribers.Where(s => s.Id == subscriberId).Select(s => s.NormalizedEmail).SingleOrDefaultAsync(cancellationToken);
        return email is not null && await EraseAsync(email, cancellationToken);
    }

    private Task<int> CancelQueuedAsync(Guid subscriberId, CancellationToken cancellationToken) =>
        db.Deliveries
            .Where(d => d.SubscriberId == subscriberId && d.Status == DeliveryStatus.Queued)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.Status, DeliveryStatus.Cancelled).SetProperty(x => x.FailureReason, Unsubscribed), cancellationToken);
}
