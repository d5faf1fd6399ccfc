using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Volunteers.Infrastructure;

namespace Platform.Volunteers.Roles;

public sealed record RoleSummary(Guid Id, Guid OrganisationId, string Title, DateOnly? ClosesOn);

public static class RolesApi
{
    public static IEndpointRouteBuilder MapRolesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/volunteers/roles").WithTags("Roles");

        // Open roles whose closing date has not passed, the soonest to close first.
        group.MapGet("/", async Task<Ok<List<RoleSummary>>> (VolunteersDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            var roles = await db.Roles
                .Where(r => r.Status == RoleStatus.Open && (r.ClosesOn == null || r.ClosesOn >= today))
                .OrderBy(r => r.ClosesOn)
                .Select(r => new RoleSummary(r.Id, r.OrganisationId, r.Title, r.ClosesOn))
                .ToListAsync(cancellationToken);
            return TypedResults.Ok(roles);
        }).WithSummary("Open volunteer roles");

        return routes;
    }
}
