using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Retention;

/// <summary>What retention is computed from: one volunteer's start, end and why, and the group they count in.</summary>
public sealed record TenureRecord(string Group, DateTimeOffset StartedAt, DateTimeOffset? LeftAt, ExitReason? ExitReason);

/// <summary>Of the volunteers who started at least <c>Months</c> ago, how many had not left by then.</summary>
public sealed record RetainedShare(int Months, int Eligible, int Retained, double? Share);

public sealed record ExitReasonCount(ExitReason Reason, int Count);

public sealed record RetentionGroup(
    string Group, int Volunteers, int StillWithUs, IReadOnlyList<RetainedShare> Retained, double? MedianTenureDays, IReadOnlyList<ExitReasonCount> ExitReasons);

/// <summary>
/// Retention figures, computed from the volunteer records every time (never stored by hand). "Still active at N
/// months" counts volunteers who started at least N calendar months ago and had not left by N months after starting
/// (a pause is not leaving). Tenure runs from starting to leaving, or to now for those still with us.
/// </summary>
public static class RetentionFigures
{
    public static readonly int[] Horizons = [3, 6, 12];

    public static List<RetentionGroup> Compute(IEnumerable<TenureRecord> records, DateTimeOffset now) =>
        records.GroupBy(r => r.Group, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ComputeGroup(g.Key, g.ToList(), now))
            .ToList();

    private static RetentionGroup ComputeGroup(string group, List<TenureRecord> records, DateTimeOffset now)
    {
        var retained = Horizons.Select(months =>
        {
            var eligible = records.Where(r => r.StartedAt.AddMonths(months) <= now).ToList();
            var kept = eligible.Count(r => r.LeftAt is null || r.LeftAt > r.StartedAt.AddMonths(months));
            return new RetainedShare(months, eligible.Count, kept, eligible.Count == 0 ? null : Math.Round((double)kept / eligible.Count, 3));
        }).ToList();

        var tenures = records.Select(r => ((r.LeftAt ?? now) - r.StartedAt).TotalDays).Order().ToList();
        double? median = tenures.Count == 0 ? null
            : Math.Round(tenures.Count % 2 == 1 ? tenures[tenures.Count / 2] : (tenures[tenures.Count / 2 - 1] + tenures[tenures.Count / 2]) / 2, 1);

        var exits = records.Where(r => r.ExitReason is not null).GroupBy(r => r.ExitReason!.Value)
            .Select(g => new ExitReasonCount(g.Key, g.Count())).OrderByDescending(e => e.Count).ThenBy(e => e.Reason).ToList();

        return new RetentionGroup(group, records.Count, records.Count(r => r.LeftAt is null), retained, median, exits);
    }
}
