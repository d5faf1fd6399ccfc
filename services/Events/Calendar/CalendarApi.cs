using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;

namespace Platform.Events.Calendar;

/// <summary>The public iCalendar feed of published events, for subscribing from any calendar app.</summary>
public static class CalendarApi
{
    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder routes)
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
        var feed = EventCalendarFeed.Create(events, options.Value.CalendarDomain);
        return TypedResults.File(EventCalendarFeed.Encode(feed), EventCalendarFeed.ContentType, "events.ics");
    }
}
