using Ical.Net.Serialization;
using Platform.Events.Catalogue;

namespace Platform.Events.Calendar;

/// <summary>The iCalendar feed of published events (<see cref="CalendarApi"/> serves it).</summary>
public static class EventCalendarFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Create(IEnumerable<PartnershipEvent> events, string calendarDomain)
    {
        var calendar = PublishedCalendar.Create("Safer Communities events");
        foreach (var e in events)
        {
            calendar.Events.Add(PublishedCalendar.Entry($"event-{e.Id:N}@{calendarDomain}", e.UpdatedAt, e.StartsAt, e.EndsAt, e.Title,
                e.Summary, Location(e), e.Status == EventStatus.Cancelled, e.CalendarSequence));
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    public static string Location(PartnershipEvent e) =>
        string.Join(", ", new[] { e.Venue.Name, e.Venue.Address, e.Venue.Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)));

    public static byte[] Encode(string calendar) => System.Text.Encoding.UTF8.GetBytes(calendar);
}
