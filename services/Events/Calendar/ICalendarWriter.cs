using System.Globalization;
using System.Text;

namespace Platform.Events.Calendar;

/// <summary>One VEVENT. Times are instants; they are written in UTC ("Z"), which every client understands without a VTIMEZONE.</summary>
public sealed record CalendarEvent(
    string Uid,
    DateTimeOffset Stamp,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string Summary,
    string? Description = null,
    string? Location = null,
    bool Cancelled = false);

/// <summary>
/// A small RFC 5545 writer (Ical.Net is not on the feed; this keeps to the part of its job we need):
/// CRLF line ends, content lines folded at 75 octets without splitting a UTF-8 sequence, TEXT values escaped,
/// and DATE-TIME values in UTC. Shaped so Ical.Net's <c>CalendarSerializer</c> could replace it in one place.
/// </summary>
public sealed class ICalendarWriter
{
    private const int MaxLineOctets = 75;
    private readonly StringBuilder _text = new();
    private bool _ended;

    public ICalendarWriter(string productId, string? name = null)
    {
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:" + Escape(productId));
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        if (name is not null) Line("X-WR-CALNAME:" + Escape(name));
    }

    public ICalendarWriter Add(CalendarEvent e)
    {
        ObjectDisposedException.ThrowIf(_ended, this);
        Line("BEGIN:VEVENT");
        Line("UID:" + Escape(e.Uid));
        Line("DTSTAMP:" + FormatUtc(e.Stamp));
        Line("DTSTART:" + FormatUtc(e.StartsAt));
        Line("DTEND:" + FormatUtc(e.EndsAt));
        Line("SUMMARY:" + Escape(e.Summary));
        if (!string.IsNullOrEmpty(e.Description)) Line("DESCRIPTION:" + Escape(e.Description));
        if (!string.IsNullOrEmpty(e.Location)) Line("LOCATION:" + Escape(e.Location));
        Line("STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
        Line("END:VEVENT");
        return this;
    }

    public override string ToString()
    {
        if (!_ended)
        {
            Line("END:VCALENDAR");
            _ended = true;
        }
        return _text.ToString();
    }

    /// <summary>RFC 5545 §3.3.5 form 2: UTC, e.g. 20270314T093000Z.</summary>
    public static string FormatUtc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RFC 5545 §3.3.11: backslash, semicolon and comma escaped; any line break becomes "\n".</summary>
    public static string Escape(string text)
    {
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': result.Append(@"\\"); break;
                case ';': result.Append(@"\;"); break;
                case ',': result.Append(@"\,"); break;
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    result.Append(@"\n");
                    break;
                case '\n': result.Append(@"\n"); break;
                default:
                    // Other control characters are not allowed in TEXT (§3.1); drop them rather than emit an invalid file.
                    if (!char.IsControl(c) || c == '\t') result.Append(c);
                    break;
            }
        }
        return result.ToString();
    }

    /// <summary>
    /// RFC 5545 §3.1: a content line longer than 75 octets is split with CRLF followed by one space; the space
    /// counts towards the next line's 75. Splits fall between characters, never inside a UTF-8 sequence.
    /// </summary>
    public static string Fold(string line)
    {
        if (Encoding.UTF8.GetByteCount(line) <= MaxLineOctets) return line + "\r\n";

        var result = new StringBuilder(line.Length + line.Length / 70 * 3 + 2);
        var octets = 0;
        var limit = MaxLineOctets;
        for (var i = 0; i < line.Length; i++)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + size > limit)
            {
                result.Append("\r\n ");
                octets = 1;
            }
            result.Append(line, i, width);
            octets += size;
            i += width - 1;
        }
        return result.Append("\r\n").ToString();
    }

    private void Line(string contentLine) => _text.Append(Fold(contentLine));
}
