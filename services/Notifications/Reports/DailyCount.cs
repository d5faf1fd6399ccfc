using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Notifications.Infrastructure;

namespace Platform.Notifications.Reports;

/// <summary>
/// How many times something happened on a day (sign-ups requested, confirmed, unsubscribed…): the history the staff
/// reports need once the subscribers themselves have been removed, holding no personal data.
/// </summary>
public sealed class DailyCount
{
    public DateOnly Day { get; init; }

    public required string Metric { get; init; }

    public int Count { get; set; }
}

public static class Metrics
{
    public const string Requested = "requested";
    public const string Confirmed = "confirmed";
    public const string Unsubscribed = "unsubscribed";
    public const string Bounced = "bounced";
    public const string Erased = "erased";
    public const string Expired = "expired";
    public const string Removed = "removed";

    /// <summary>Adds to today's count, in the caller's transaction.</summary>
    public static Task IncrementAsync(this NotificationsDbContext db, string metric, DateTimeOffset now, CancellationToken cancellationToken, int by = 1)
    {
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        return db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO daily_count (day, metric, count) VALUES ({day}, {metric}, {by}) ON CONFLICT (day, metric) DO UPDATE SET count = daily_count.count + EXCLUDED.count",
            cancellationToken);
    }
}

internal sealed class DailyCountModel : IEntityTypeConfiguration<DailyCount>
{
    public void Configure(EntityTypeBuilder<DailyCount> e)
    {
        e.ToTable("daily_count");
        e.HasKey(c => new { c.Day, c.Metric });
        e.Property(c => c.Metric).HasMaxLength(32);
    }
}
