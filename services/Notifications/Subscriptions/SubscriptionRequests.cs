using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Notifications;
using Platform.Messaging;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.Reports;

namespace Platform.Notifications.Subscriptions;

/// <summary>
/// Subscribing and confirming. Every outcome looks the same from outside, so the API cannot be used to learn
/// whether an address is subscribed.
/// </summary>
public sealed class SubscriptionRequests(
    NotificationsDbContext db,
    IIntegrationEventOutbox outbox,
    IOptions<NotificationsOptions> options,
    TimeProvider timeProvider)
{
    public async Task RequestAsync(ValidSubscribeRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        try
        {
            await RequestOnceAsync(request, idempotencyKey, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first-time requests for one address raced on the unique email index; the loser now finds the
            // winner's row and proceeds as a repeat request.
            db.ChangeTracker.Clear();
            await RequestOnceAsync(request, idempotencyKey, cancellationToken);
        }
    }

    private async Task RequestOnceAsync(ValidSubscribeRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var normalized = Subscriber.Normalize(request.Email);
        var subscriber = await db.Subscribers
            .Include(s => s.Subscription)
            .SingleOrDefaultAsync(s => s.NormalizedEmail == normalized, cancellationToken);

        // Already confirmed: changing preferences needs the manage link, never an unauthenticated POST.
        if (subscriber?.Subscription is { Status: SubscriptionStatus.Confirmed })
        {
            return;
        }

        if (idempotencyKey is not null && subscriber?.Subscription?.LastIdempotencyKey == idempotencyKey)
        {
            return;
        }

        if (subscriber is null)
        {
            subscriber = new Subscriber { Email = request.Email, NormalizedEmail = normalized, CreatedAt = now.UtcDateTime };
            db.Subscribers.Add(subscriber);
        }

        var subscription = subscriber.Subscription ??= new Subscription
        {
            SubscriberId = subscriber.Id,
            Frequency = request.Frequency,
            CreatedAt = now.UtcDateTime,
        };

        // A repeat request while pending (or after leaving) replaces the choices; the token is issued when the
        // event below is handled, and replaces any earlier one, so only the newest link works.
        var confirmBy = now + options.Value.ConfirmationWindow;
        var requested = new SubscriptionRequested(subscription.Id, subscriber.Email, [.. request.Topics], request.Frequency, confirmBy) { OccurredAt = now };
        subscription.Topics = [.. request.Topics];
        subscription.Districts = [.. request.Districts];
        subscription.Frequency = request.Frequency;
        subscription.Status = SubscriptionStatus.Pending;
        subscription.ConfirmationTokenHash = null;
        subscription.PendingRequestId = requested.EventId;
        subscription.ConfirmBy = confirmBy.UtcDateTime;
        subscription.EndedAt = null;
        subscription.EndReason = null;
        subscription.LastIdempotencyKey = idempotencyKey;

        outbox.Add(requested);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.IncrementAsync(Metrics.Requested, now, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Pending → Confirmed. True also for a second click on a link already used; false for unknown or expired tokens.</summary>
    public async Task<bool> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        var hash = ConfirmationToken.HashOf(token);
        var now = timeProvider.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var confirmed = await db.Subscriptions
            .Where(s => s.ConfirmationTokenHash == hash && s.Status == SubscriptionStatus.Pending && s.ConfirmBy > now.UtcDateTime)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, SubscriptionStatus.Confirmed)
                .SetProperty(x => x.ConfirmedAt, now.UtcDateTime)
                .SetProperty(x => x.DigestThrough, now.UtcDateTime), cancellationToken);
        if (confirmed > 0)
        {
            var subscription = await db.Subscriptions.AsNoTracking().SingleAsync(s => s.ConfirmationTokenHash == hash, cancellationToken);
            outbox.Add(new SubscriberConfirmed(subscription.Id, subscription.Topics, subscription.Frequency) { OccurredAt = now });
            await db.SaveChangesAsync(cancellationToken);
            await db.IncrementAsync(Metrics.Confirmed, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }

        return await db.Subscriptions
            .AnyAsync(s => s.ConfirmationTokenHash == hash && s.Status == SubscriptionStatus.Confirmed, cancellationToken);
    }
}
