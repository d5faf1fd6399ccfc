using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Events.Infrastructure;

namespace Platform.Events.Catalogue;

public sealed record EventSummary(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

public static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events").WithTags("Events");

        // Only published events are public; the soonest first.
        group.MapGet("/", async Task<Ok<List<EventSummary>>> (EventsDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var now = time.GetUtcNow();
            var events = await db.Events
                .Where(e => e.Status == EventStatus.Published && e.EndsAt >= now)
                .OrderBy(e => e.StartsAt)
                .Select(e => new EventSummary(e.Id, e.Title, e.StartsAt, e.EndsAt))
                .ToListAsync(cancellationToken);
            return TypedResults.Ok(events);
        }).WithSummary("Published events that have not ended");

        return routes;
    }
}
