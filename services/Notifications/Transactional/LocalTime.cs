using System.Globalization;
using Microsoft.Extensions.Options;

namespace Platform.Notifications.Transactional;

/// <summary>Shows UTC instants as the office's local wall-clock time (Europe/London: GMT in winter, BST in summer).</summary>
public sealed class LocalTime(IOptions<OfficeOptions> options)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    /// <summary>e.g. "Tuesday 3 March 2026, 09:30 GMT".</summary>
    public string Format(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, _zone);
        var abbreviation = _zone.Id == "Europe/London" ? (_zone.IsDaylightSavingTime(local) ? "BST" : "GMT") : _zone.Id;
        return $"{local.ToString("dddd d MMMM yyyy, HH:mm", British)} {abbreviation}";
    }
}
