namespace Platform.Events.Infrastructure;

/// <summary>Times are stored in UTC and shown in the office's own zone, so a 09:30 start reads 09:30 in BST too.</summary>
public static class LondonTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTimeOffset ToLondon(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The same wall-clock time <paramref name="days"/> days later in London (a day across a clock change is 23 or 25 hours).</summary>
    public static DateTimeOffset AddLondonDays(this DateTimeOffset instant, int days)
    {
        var local = instant.ToLondon().DateTime.AddDays(days);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>
    /// Whole days between two instants when both read the same wall-clock time in London (an event moved to another
    /// day, its start unchanged), else null.
    /// </summary>
    public static int? LondonDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var (a, b) = (from.ToLondon(), to.ToLondon());
        // To the second: the database keeps microseconds, a client may send ticks.
        return (long)a.TimeOfDay.TotalSeconds == (long)b.TimeOfDay.TotalSeconds ? (b.Date - a.Date).Days : null;
    }
}
