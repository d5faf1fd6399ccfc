using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.Reports;
using Platform.Notifications.Subscriptions;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Notifications.DataProtection;

/// <summary>
/// Forgets addresses that no longer have a reason to be kept: sign-ups never confirmed once their link has expired,
/// and addresses whose subscription ended <see cref="NotificationsOptions.RetentionAfterEnd"/> ago. A periodic job,
/// every <see cref="NotificationsOptions.HousekeepingInterval"/>.
/// </summary>
public sealed partial class Housekeeping(
    NotificationsDbContext db, SubscriberAccount account, IOptions<NotificationsOptions> options, TimeProvider timeProvider, ILogger<Housekeeping> logger)
    : IPeriodicJob
{
    private const int Batch = 200;

    async Task IPeriodicJob.RunAsync(CancellationToken cancellationToken)
    {
        var forgotten = await RunOnceAsync(cancellationToken);
        if (forgotten > 0) LogForgotten(logger, forgotten);
    }

    /// <summary>Returns how many addresses were forgotten.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var endedBefore = now - options.Value.RetentionAfterEnd;
        var forgotten = 0;
        while (true)
        {
            var due = await db.Subscribers.AsNoTracking()
                .Where(s => s.Subscription == null
                    || (s.Subscription.Status == SubscriptionStatus.Pending && s.Subscription.ConfirmBy <= now)
                    || (s.Subscription.Status == SubscriptionStatus.Ended && s.Subscription.EndedAt <= endedBefore))
                .Select(s => new { s.NormalizedEmail, Pending = s.Subscription != null && s.Subscription.Status == SubscriptionStatus.Pending })
                .Take(Batch)
                .ToListAsync(cancellationToken);
            foreach (var subscriber in due)
            {
                await account.ForgetAsync(subscriber.NormalizedEmail, subscriber.Pending ? Metrics.Expired : Metrics.Removed, cancellationToken);
                db.ChangeTracker.Clear();
            }

            forgotten += due.Count;
            if (due.Count < Batch) return forgotten;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} addresses (expired sign-ups, ended subscriptions past retention)")]
    private static partial void LogForgotten(ILogger logger, int count);
}
