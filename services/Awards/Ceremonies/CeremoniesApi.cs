using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Infrastructure;
using Platform.Data;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;

namespace Platform.Awards.Ceremonies;

public sealed record CeremonyEventView(Guid Id, string Title, string VenueName, DateTimeOffset StartsAt, DateTimeOffset EndsAt, bool Cancelled);

/// <summary>Staff: the published events a programme's ceremony can be linked to.</summary>
public static class CeremoniesApi
{
    public static IEndpointRouteBuilder MapCeremoniesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/awards/ceremony-events").WithTags("Ceremonies")
            .RequireAuthorization(PlatformPolicies.Staff).ProducesAuthorizationFailures()
            .MapGet("/", async Task<Ok<Paged<CeremonyEventView>>> (AwardsDbContext db, PageRequest paging, CancellationToken ct) =>
                TypedResults.Ok(await db.CeremonyEvents.AsNoTracking().OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
                    .Select(e => new CeremonyEventView(e.Id, e.Title, e.VenueName, e.StartsAt, e.EndsAt, e.Cancelled)).ToPagedAsync(paging, ct)))
            .WithName("ListCeremonyEvents").WithSummary("Events known from the Events service, soonest first");
        return routes;
    }
}
