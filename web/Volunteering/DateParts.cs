using System.Globalization;

namespace Platform.Web.Volunteering;

/// <summary>GOV.UK's date input: day, month and year typed separately, kept as typed, read into a date when they make one.</summary>
public sealed class DateParts
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>The date, or null when the parts do not make a real one (31 February, a two-digit year).</summary>
    public DateOnly? Value =>
        int.TryParse(Day?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
        && int.TryParse(Month?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
        && int.TryParse(Year?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
        && y is >= 1900 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d)
            : null;
}

/// <summary>What the date input partial needs: the field's name (its id too), the question, a hint, the error and the parts.</summary>
public sealed record DateInput(string Name, string Legend, string Hint, string? Error, DateParts Parts);
