using System.Globalization;

namespace Platform.Web.Manage;

/// <summary>One bar: what it counts and how many.</summary>
public sealed record ChartBar(string Label, double Value);

/// <summary>One point of a line over time.</summary>
public sealed record ChartPoint(DateOnly Date, double Value);

/// <summary>
/// A horizontal bar chart drawn on the server as SVG (_BarChart), its numbers beside it as a table. <see cref="Id"/>
/// must be unique on the page (it names the chart's title for screen readers).
/// </summary>
public sealed record BarChart(string Id, string Title, string LabelHeading, string ValueHeading, IReadOnlyList<ChartBar> Bars)
{
    public const int Width = 640;
    public const int LabelWidth = 230;
    public const int BarHeight = 24;
    public const int Gap = 8;
    private const int ValueRoom = 60;

    public int Height => Math.Max(1, Bars.Count) * (BarHeight + Gap);

    /// <summary>The bar's length: the largest bar fills the room left after the labels and the value.</summary>
    public double LengthOf(ChartBar bar)
    {
        var max = Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);
        return max <= 0 ? 0 : Math.Round(bar.Value / max * (Width - LabelWidth - ValueRoom), 1);
    }

    public static int TopOf(int index) => index * (BarHeight + Gap);
}

/// <summary>
/// A line over time drawn on the server as SVG (_LineChart), its numbers beside it as a table. Dates on the
/// horizontal axis in proportion (a gap of a week looks like a week); the vertical axis from zero to the largest value.
/// </summary>
public sealed record LineChart(string Id, string Title, string ValueHeading, IReadOnlyList<ChartPoint> Points)
{
    public const int Width = 640;
    public const int Height = 240;
    public const int Left = 56;
    public const int Right = 16;
    public const int Top = 16;
    public const int Bottom = 40;

    public IReadOnlyList<ChartPoint> InOrder { get; } = Points.OrderBy(p => p.Date).ToList();

    public double Max => Points.Count == 0 ? 0 : Points.Max(p => p.Value);

    public double X(DateOnly date)
    {
        if (InOrder.Count < 2) return Left + (Width - Left - Right) / 2.0;
        var first = InOrder[0].Date.DayNumber;
        var span = InOrder[^1].Date.DayNumber - first;
        return span == 0 ? Left : Math.Round(Left + (date.DayNumber - first) / (double)span * (Width - Left - Right), 1);
    }

    public double Y(double value) =>
        Max <= 0 ? Height - Bottom : Math.Round(Height - Bottom - value / Max * (Height - Top - Bottom), 1);

    /// <summary>The polyline's points attribute.</summary>
    public string Line => string.Join(' ', InOrder.Select(p =>
        string.Create(CultureInfo.InvariantCulture, $"{X(p.Date)},{Y(p.Value)}")));
}

/// <summary>Numbers as the charts and their tables show them.</summary>
public static class ChartText
{
    public static string Number(double value) => value.ToString("#,0.##", CultureInfo.GetCultureInfo("en-GB"));

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>A label that fits beside its bar (the table below the chart has it whole).</summary>
    public static string Short(string label) => label.Length <= 28 ? label : label[..27] + "…";

    /// <summary>An SVG coordinate: always a full stop for the decimal point, whatever the culture.</summary>
    public static string At(double value) => value.ToString(CultureInfo.InvariantCulture);
}
