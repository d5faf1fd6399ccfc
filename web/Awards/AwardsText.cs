namespace Platform.Web.Awards;

/// <summary>Words and dates as the Awards pages show them.</summary>
public static class AwardsText
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>"14 March 2027 at 5:00pm", in the county's own time.</summary>
    public static string When(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, London);
        return local.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture) + " at " +
               local.ToString("h:mmtt", System.Globalization.CultureInfo.InvariantCulture).ToLowerInvariant();
    }

    public static string Day(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, London).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
