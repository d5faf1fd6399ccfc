using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.News;

/// <summary>
/// Publishing a post and telling the "immediately" subscribers, in one transaction: the post becomes visible to
/// digests and one delivery row per matching subscriber is queued by a single INSERT … SELECT, whatever their
/// number. Each row is rendered when sent, so the fan-out itself writes no bodies. A second publish changes nothing.
/// </summary>
public sealed class NewsPublishing(NotificationsDbContext db, DeliverySignal signal, TimeProvider timeProvider)
{
    public const string ImmediateKind = "news";

    /// <summary>Publishes a draft (within the caller's transaction, if any). Returns how many subscribers were queued, or null when it is not a draft.</summary>
    public async Task<int?> PublishAsync(Guid postId, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var published = await db.NewsPosts
                .Where(p => p.Id == postId && p.Status == NewsPostStatus.Draft)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.Status, NewsPostStatus.Published).SetProperty(x => x.PublishedAt, now), cancellationToken);
            if (published == 0)
            {
                return null;
            }

            var post = await db.NewsPosts.AsNoTracking().SingleAsync(p => p.Id == postId, cancellationToken);
            var queued = await FanOutAsync(post, now, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            signal.Wake();
            return queued;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    private Task<int> FanOutAsync(NewsPost post, DateTime now, CancellationToken cancellationToken)
    {
        // Only subscribers confirmed by the time of publishing (double opt-in); the district narrows only the
        // topics that have districts, and a subscriber with no districts hears about all of them.
        var narrowByDistrict = post.District is not null && SubscriptionCatalog.HasDistricts(post.Topic);
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO delivery (id, kind, source_event_id, recipient, status, priority, created_at, attempts, next_attempt_at, subscriber_id, news_post_id)
            SELECT gen_random_uuid(), {ImmediateKind}, {post.Id}, r.normalized_email, {nameof(DeliveryStatus.Queued)}, {(int)DeliveryPriority.Bulk},
                   {now}, 0, {now}, r.id, {post.Id}
            FROM subscription s JOIN subscriber r ON r.id = s.subscriber_id
            WHERE s.status = {nameof(SubscriptionStatus.Confirmed)} AND s.frequency = {SubscriptionCatalog.Immediately}
              AND s.confirmed_at <= {now} AND {post.Topic} = ANY (s.topics)
              AND (NOT {narrowByDistrict} OR cardinality(s.districts) = 0
                   OR EXISTS (SELECT 1 FROM unnest(s.districts) AS d WHERE lower(d) = lower({post.District ?? ""})))
            ON CONFLICT (kind, source_event_id, recipient) DO NOTHING
            """, cancellationToken);
    }
}
