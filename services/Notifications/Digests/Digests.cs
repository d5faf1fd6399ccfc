using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.News;
using Platform.Notifications.Subscriptions;
using Platform.Notifications.Transactional;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Notifications.Digests;

/// <summary>
/// Starts the digest runs that are due and works through unfinished ones, a batch of subscribers per transaction:
/// each subscriber's digest is queued and their watermark moved to the run's cutoff together, so an item reaches a
/// subscriber at most once and a crash between batches resumes where it stopped (the delivery key backs this up).
/// A periodic job, every <see cref="DigestOptions.CheckInterval"/>.
/// </summary>
public sealed partial class Digests(
    NotificationsDbContext db,
    OnceOnlyDelivery delivery,
    SubscriberEmails emails,
    IOptions<DigestOptions> options,
    IOptions<OfficeOptions> office,
    TimeProvider timeProvider,
    ILogger<Digests> logger) : IPeriodicJob
{
    public static string KindOf(string frequency) => $"digest-{frequency}";

    async Task IPeriodicJob.RunAsync(CancellationToken cancellationToken)
    {
        var queued = await RunDueAsync(cancellationToken);
        if (queued > 0) LogQueued(logger, queued);
    }

    /// <summary>One pass: returns the number of digest emails queued.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(office.Value.TimeZone);
        var settings = options.Value;
        await StartAsync(SubscriptionCatalog.Daily, DigestSchedule.LatestDaily(now, settings.SendAt, zone), now, cancellationToken);
        await StartAsync(SubscriptionCatalog.Weekly, DigestSchedule.LatestWeekly(now, settings.SendAt, settings.WeeklyOn, zone), now, cancellationToken);

        var queued = 0;
        var unfinished = await db.DigestRuns.Where(r => r.CompletedAt == null).OrderBy(r => r.Cutoff).ToListAsync(cancellationToken);
        foreach (var run in unfinished)
        {
            queued += await CompleteAsync(run, cancellationToken);
        }

        return queued;
    }

    private Task StartAsync(string frequency, DateTimeOffset cutoff, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO digest_run (id, frequency, cutoff, started_at, emails) VALUES ({Guid.CreateVersion7()}, {frequency}, {cutoff.UtcDateTime}, {now.UtcDateTime}, 0)
            ON CONFLICT (frequency, cutoff) DO NOTHING
            """, cancellationToken);

    private async Task<int> CompleteAsync(DigestRun run, CancellationToken cancellationToken)
    {
        var queued = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Rows locked and skipped by another instance are that instance's batch.
            var batch = await db.Subscriptions
                .FromSqlInterpolated($"""
                    SELECT * FROM subscription
                    WHERE status = {nameof(SubscriptionStatus.Confirmed)} AND frequency = {run.Frequency} AND COALESCE(digest_through, confirmed_at) < {run.Cutoff}
                    ORDER BY id LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                break;
            }

            var from = batch.Min(s => s.DigestThrough ?? s.ConfirmedAt ?? run.Cutoff);
            var posts = await db.NewsPosts.AsNoTracking()
                .Where(p => p.Status == NewsPostStatus.Published && p.PublishedAt > from && p.PublishedAt <= run.Cutoff)
                .OrderBy(p => p.PublishedAt)
                .ToListAsync(cancellationToken);
            var ids = batch.Select(s => s.SubscriberId).ToList();
            var addresses = await db.Subscribers.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Email, cancellationToken);

            foreach (var subscription in batch)
            {
                var since = subscription.DigestThrough ?? subscription.ConfirmedAt ?? run.Cutoff;
                var items = posts.Where(p => p.PublishedAt > since && subscription.Wants(p.Topic, p.District)).ToList();
                if (items.Count > 0 && await delivery.SendAsync(KindOf(run.Frequency), run.Id, addresses[subscription.SubscriberId],
                        () => emails.Digest(run.Frequency, items, subscription.SubscriberId), DeliveryPriority.Bulk, subscription.SubscriberId, cancellationToken))
                {
                    queued++;
                }

                subscription.DigestThrough = run.Cutoff;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await db.DigestRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(r => r
            .SetProperty(x => x.CompletedAt, timeProvider.GetUtcNow().UtcDateTime)
            .SetProperty(x => x.Emails, x => x.Emails + queued), cancellationToken);
        return queued;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} digest emails")]
    private static partial void LogQueued(ILogger logger, int count);
}
