namespace Platform.Notifications.Digests;

/// <summary>The latest scheduled digest time at or before an instant, as local wall-clock time in the office's zone.</summary>
public static class DigestSchedule
{
    public static DateTimeOffset LatestDaily(DateTimeOffset now, TimeSpan sendAt, TimeZoneInfo zone)
    {
        var localDate = TimeZoneInfo.ConvertTime(now, zone).Date;
        for (var day = localDate; ; day = day.AddDays(-1))
        {
            var at = ToUtc(day + sendAt, zone);
            if (at <= now) return at;
        }
    }

    public static DateTimeOffset LatestWeekly(DateTimeOffset now, TimeSpan sendAt, DayOfWeek on, TimeZoneInfo zone)
    {
        var localDate = TimeZoneInfo.ConvertTime(now, zone).Date;
        for (var day = localDate; ; day = day.AddDays(-1))
        {
            if (day.DayOfWeek != on) continue;
            var at = ToUtc(day + sendAt, zone);
            if (at <= now) return at;
        }
    }

    // A time that does not exist (clocks go forward) is taken an hour later; an ambiguous one (clocks go back) the first time.
    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddHours(1);
        var offset = zone.IsAmbiguousTime(unspecified) ? zone.GetAmbiguousTimeOffsets(unspecified).Max() : zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }
}
