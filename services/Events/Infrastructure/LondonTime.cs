namespace Platform.Events.Infrastructure;

/// <summary>Times are stored in UTC and shown in the office's own zone, so a 09:30 start reads 09:30 in BST too.</summary>
public static class LondonTime
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTimeOffset ToLondon(this DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
