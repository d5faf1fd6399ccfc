using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Infrastructure;
using Platform.ServiceDefaults.Identity;

namespace Platform.Awards.Ceremonies;

public sealed record CeremonyEventView(Guid Id, string Title, string VenueName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool Cancelled);

/// <summary>Staff: the published events a programme's ceremony can be linked to.</summary>
public static class CeremoniesApi
{
    public static IEndpointRouteBuilder MapCeremoniesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/awards/ceremony-events").WithTags("Ceremonies")
            .RequireAuthorization(PlatformPolicies.Staff).ProducesAuthorizationFailures()
            .MapGet("/", async Task<Ok<List<CeremonyEventView>>> (AwardsDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.CeremonyEvents.AsNoTracking().OrderBy(e => e.StartsAt).Take(500)
                    .Select(e => new CeremonyEventView(e.Id, e.Title, e.VenueName, e.StartsAt, e.EndsAt, e.Cancelled)).ToListAsync(ct)))
            .WithName("ListCeremonyEvents").WithSummary("Events known from the Events service, soonest first");
        return routes;
    }
}
