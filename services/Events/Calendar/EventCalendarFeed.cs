using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;

namespace Platform.Events.Calendar;

/// <summary>The public iCalendar feed of published events, for subscribing from any calendar app.</summary>
public static class EventCalendarFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/events/calendar.ics", GetFeedAsync).WithTags("Events")
            .WithName("GetEventsCalendar").WithSummary("Published events as an RFC 5545 iCalendar feed")
            .Produces(StatusCodes.Status200OK, contentType: "text/calendar");
        return routes;
    }

    private static async Task<FileContentHttpResult> GetFeedAsync(
        EventsDbContext db, IOptions<EventsOptions> options, TimeProvider time, CancellationToken ct)
    {
        // Past events stay for a month so a subscriber's calendar does not lose what they just attended.
        var since = time.GetUtcNow().AddDays(-31);
        var events = await db.Events.AsNoTracking()
            .Where(e => e.Status == EventStatus.Published && e.EndsAt >= since)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
            .Take(500)
            .ToListAsync(ct);
        return TypedResults.File(Encode(Create(events, options.Value.CalendarDomain)), ContentType, "events.ics");
    }

    public static string Create(IEnumerable<PartnershipEvent> events, string calendarDomain)
    {
        var calendar = PublishedCalendar.Create("Safer Communities events");
        foreach (var e in events)
        {
            calendar.Events.Add(PublishedCalendar.Entry($"event-{e.Id:N}@{calendarDomain}", e.UpdatedAt, e.StartsAt, e.EndsAt, e.Title,
                e.Summary, Location(e), e.Status == EventStatus.Cancelled));
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    public static string Location(PartnershipEvent e) =>
        string.Join(", ", new[] { e.Venue.Name, e.Venue.Address, e.Venue.Postcode }.Where(p => !string.IsNullOrWhiteSpace(p)));

    public static byte[] Encode(string calendar) => System.Text.Encoding.UTF8.GetBytes(calendar);
}
