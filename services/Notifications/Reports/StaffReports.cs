using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.Reports;

public sealed record SubscriberCounts(
    int Confirmed,
    int Pending,
    IReadOnlyDictionary<string, int> ByTopic,
    IReadOnlyDictionary<string, int> ByFrequency);

public sealed record DayReport(
    DateOnly Day,
    int Requested,
    int Confirmed,
    double? ConfirmationRate,
    int Unsubscribed,
    int Sent,
    int Failed,
    int Suppressions);

public sealed record NotificationsReport(SubscriberCounts Subscribers, IReadOnlyList<DayReport> Days);

/// <summary>Counts for staff: never an address. Each figure is one grouped query.</summary>
public sealed class StaffReports(NotificationsDbContext db)
{
    public async Task<SubscriberCounts> SubscribersAsync(CancellationToken cancellationToken)
    {
        var byStatus = await db.Subscriptions.GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var byFrequency = await db.Subscriptions.Where(s => s.Status == SubscriptionStatus.Confirmed)
            .GroupBy(s => s.Frequency).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var byTopic = await db.Database.SqlQuery<TopicCount>($"""
            SELECT t AS topic, count(*)::int AS count FROM subscription, unnest(topics) AS t
            WHERE status = {nameof(SubscriptionStatus.Confirmed)} GROUP BY t
            """).ToDictionaryAsync(t => t.Topic, t => t.Count, cancellationToken);
        return new SubscriberCounts(
            byStatus.Where(s => s.Key == SubscriptionStatus.Confirmed).Sum(s => s.Count),
            byStatus.Where(s => s.Key == SubscriptionStatus.Pending).Sum(s => s.Count),
            SubscriptionCatalog.Topics.ToDictionary(t => t, t => byTopic.GetValueOrDefault(t)),
            SubscriptionCatalog.Frequencies.ToDictionary(f => f, f => byFrequency.GetValueOrDefault(f)));
    }

    public async Task<NotificationsReport> ReportAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var counts = await db.DailyCounts.Where(c => c.Day >= from && c.Day <= to).ToListAsync(cancellationToken);
        var sent = await PerDayAsync(db.Deliveries.Where(d => d.SentAt >= start && d.SentAt < end).Select(d => d.SentAt!.Value), cancellationToken);
        var failed = await PerDayAsync(
            db.Deliveries.Where(d => d.Status == DeliveryStatus.Failed && d.FailedAt >= start && d.FailedAt < end).Select(d => d.FailedAt!.Value), cancellationToken);
        var suppressed = await PerDayAsync(db.Suppressions.Where(s => s.CreatedAt >= start && s.CreatedAt < end).Select(s => s.CreatedAt), cancellationToken);

        int Count(DateOnly day, string metric) => counts.Where(c => c.Day == day && c.Metric == metric).Sum(c => c.Count);
        var days = new List<DayReport>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var requested = Count(day, Metrics.Requested);
            var confirmed = Count(day, Metrics.Confirmed);
            days.Add(new DayReport(day, requested, confirmed, requested > 0 ? Math.Round((double)confirmed / requested, 3) : null,
                Count(day, Metrics.Unsubscribed), sent.GetValueOrDefault(day), failed.GetValueOrDefault(day), suppressed.GetValueOrDefault(day)));
        }

        return new NotificationsReport(await SubscribersAsync(cancellationToken), days);
    }

    private static async Task<Dictionary<DateOnly, int>> PerDayAsync(IQueryable<DateTime> instants, CancellationToken cancellationToken)
    {
        var rows = await instants.GroupBy(t => t.Date).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => DateOnly.FromDateTime(r.Key), r => r.Count);
    }

    private sealed record TopicCount(string Topic, int Count);
}
