namespace Platform.Web.Manage.Volunteering;

/// <summary>
/// The retention report (computed by the service from the volunteer records) as the charts draw it: the share still
/// active after 3, 6 and 12 months over the whole report, and the median tenure of each group.
/// </summary>
public static class RetentionCharts
{
    /// <summary>
    /// Still active after N months, in per cent, over every group together. The groups split the volunteers between
    /// them, so the whole is the sum of their counts (never a mean of their shares, which would weigh a group of one like
    /// a group of fifty). A horizon no one has reached yet has no bar.
    /// </summary>
    public static BarChart StillActive(RetentionReport report) => new("still-active", "Still active after 3, 6 and 12 months (per cent)",
        "After", "Per cent still active",
        report.Groups.SelectMany(g => g.Retained).GroupBy(r => r.Months).OrderBy(h => h.Key)
            .Where(h => h.Sum(r => r.Eligible) > 0)
            .Select(h => new ChartBar($"{h.Key} months ({h.Sum(r => r.Eligible)} started long enough ago)",
                Math.Round(100.0 * h.Sum(r => r.Retained) / h.Sum(r => r.Eligible), 1)))
            .ToList());

    /// <summary>Median tenure per group; <paramref name="label"/> turns the service's group name (a category's camelCase) into words.</summary>
    public static BarChart MedianTenure(RetentionReport report, string groupHeading, Func<string, string> label) => new("median-tenure",
        $"Median time volunteering by {groupHeading.ToLowerInvariant()} (days)", groupHeading, "Median days",
        report.Groups.Where(g => g.MedianTenureDays is not null).Select(g => new ChartBar(label(g.Group), g.MedianTenureDays!.Value)).ToList());
}
