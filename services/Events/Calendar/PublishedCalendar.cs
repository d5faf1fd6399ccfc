using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using IcsCalendar = Ical.Net.Calendar;

namespace Platform.Events.Calendar;

/// <summary>
/// What the feed and a delegate's own calendar share: published (METHOD:PUBLISH) under one product id, and entries
/// whose times are instants written in UTC ("Z"), which every client understands without a VTIMEZONE. Ical.Net does
/// the RFC 5545 writing (escaping, folding at 75 octets).
/// </summary>
public static class PublishedCalendar
{
    public const string ProductId = "-//Safer Communities Partnership//Events//EN";

    public static IcsCalendar Create(string? name = null)
    {
        var calendar = new IcsCalendar { ProductId = ProductId, Method = "PUBLISH" };
        if (name is not null)
        {
            // The name calendar apps show for a subscribed feed (a widely read extension, not in RFC 5545).
            calendar.AddProperty("X-WR-CALNAME", name);
        }

        return calendar;
    }

    /// <param name="uid">Derived from ids that never change, so a client updates the entry instead of adding another.</param>
    /// <param name="sequence">The event's <c>CalendarSequence</c>: higher after each change, so the client takes the newer copy.</param>
    public static CalendarEvent Entry(
        string uid, DateTimeOffset stamp, DateTimeOffset startsAt, DateTimeOffset endsAt, string summary,
        string? description, string? location, bool cancelled, int sequence) => new()
        {
            Uid = uid,
            Sequence = sequence,
            DtStamp = new CalDateTime(stamp.UtcDateTime),
            DtStart = new CalDateTime(startsAt.UtcDateTime),
            DtEnd = new CalDateTime(endsAt.UtcDateTime),
            Summary = summary,
            Description = string.IsNullOrEmpty(description) ? null : description,
            Location = string.IsNullOrEmpty(location) ? null : location,
            Status = cancelled ? Ical.Net.EventStatus.Cancelled : Ical.Net.EventStatus.Confirmed,
        };
}
