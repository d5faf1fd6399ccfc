using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Notifications;
using Platform.Messaging;
using Platform.Notifications.Infrastructure;

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

        // Already confirmed: changing preferences needs the manage link (not built yet), never an unauthenticated POST.
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

        // A repeat request while pending replaces the choices and the token: only the newest link works.
        var token = ConfirmationToken.Create();
        var confirmBy = now + options.Value.ConfirmationWindow;
        subscription.Topics = [.. request.Topics];
        subscription.Frequency = request.Frequency;
        subscription.Status = SubscriptionStatus.Pending;
        subscription.ConfirmationTokenHash = token.Hash;
        subscription.ConfirmBy = confirmBy.UtcDateTime;
        subscription.LastIdempotencyKey = idempotencyKey;

        outbox.Add(new SubscriptionRequested(
            subscription.Id,
            subscriber.Email,
            subscription.Topics,
            subscription.Frequency,
            token.Value,
            confirmBy) { OccurredAt = now });

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Pending → Confirmed. True also for a second click on a link already used; false for unknown or expired tokens.</summary>
    public async Task<bool> ConfirmAsync(string token, CancellationToken cancellationToken)
    {
        var hash = ConfirmationToken.HashOf(token);
        var now = timeProvider.GetUtcNow().UtcDateTime;

        var confirmed = await db.Subscriptions
            .Where(s => s.ConfirmationTokenHash == hash && s.Status == SubscriptionStatus.Pending && s.ConfirmBy > now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, SubscriptionStatus.Confirmed)
                .SetProperty(x => x.ConfirmedAt, now), cancellationToken);

        return confirmed > 0 || await db.Subscriptions
            .AnyAsync(s => s.ConfirmationTokenHash == hash && s.Status == SubscriptionStatus.Confirmed, cancellationToken);
    }
}
