using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Infrastructure;

namespace Platform.Awards.Programmes;

public sealed record ProgrammeSummary(Guid Id, int Year, string Title, DateTimeOffset NominationsOpen, DateTimeOffset NominationsClose);

public static class ProgrammesApi
{
    public static IEndpointRouteBuilder MapProgrammesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/awards/programmes").WithTags("Programmes");

        group.MapGet("/", async Task<Ok<List<ProgrammeSummary>>> (AwardsDbContext db, CancellationToken cancellationToken) =>
        {
            var programmes = await db.Programmes
                .OrderByDescending(p => p.Year)
                .Select(p => new ProgrammeSummary(p.Id, p.Year, p.Title, p.NominationsOpen, p.NominationsClose))
                .ToListAsync(cancellationToken);
            return TypedResults.Ok(programmes);
        }).WithSummary("Awards programmes, newest first");

        return routes;
    }
}
