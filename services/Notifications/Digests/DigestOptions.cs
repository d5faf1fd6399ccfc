using System.ComponentModel.DataAnnotations;

namespace Platform.Notifications.Digests;

/// <summary>When digests go out, in the office's time zone (Europe/London). Bound from <c>Notifications:Digests</c>.</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Notifications:Digests";

    [Range(typeof(TimeSpan), "00:00:00", "23:59:59")]
    public TimeSpan SendAt { get; set; } = new(7, 0, 0);

    public DayOfWeek WeeklyOn { get; set; } = DayOfWeek.Monday;

    /// <summary>How often the scheduler looks whether a run is due (a moved clock wakes it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    [Range(1, 5000)]
    public int BatchSize { get; set; } = 200;
}
