using System.Globalization;

namespace Platform.Web.Manage.Events;

/// <summary>
/// The office types times as they read them in the UK (a datetime-local field, "2027-03-04T09:30"); the API takes
/// instants with an offset. Europe/London decides the offset, so 09:30 in June is 08:30 UTC.
/// </summary>
public static class LocalTimes
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    public const string Format = "yyyy-MM-dd'T'HH:mm";

    public static DateTimeOffset? Parse(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        if (!DateTime.TryParseExact(typed.Trim(), [Format, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return null;
        return new DateTimeOffset(local, London.GetUtcOffset(local));
    }

    /// <summary>An instant as the field shows it.</summary>
    public static string Field(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, London).ToString(Format, CultureInfo.InvariantCulture);
}
