using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Infrastructure;

namespace Platform.Awards.Results;

/// <summary>The public results page, the same answer before the embargo lifts whether or not winners are confirmed.</summary>
public static class PublicResultsApi
{
    public static IEndpointRouteBuilder MapPublicResultsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/awards/programmes").WithTags("Results")
            .MapGet("/{id:guid}/results", GetAsync)
            .WithName("GetResults").WithSummary("The winners, once the embargo has lifted at the ceremony")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    private static async Task<Results<Ok<ProgrammeResults>, ProblemHttpResult>> GetAsync(Guid id, AwardsDbContext db, CancellationToken ct)
    {
        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Year, p.Title, p.AnnouncedAt }).FirstOrDefaultAsync(ct);
        if (programme is null) return RuleProblem.NotFound($"Programme {id}");
        // Always run: the embargo is a condition inside the query, not a branch around it, so an embargoed programme
        // with winners costs the same round trip as one without.
        var winners = await PublicResults.AnnouncedWinnersQuery(db, id).ToListAsync(ct);
        return TypedResults.Ok(new ProgrammeResults(programme.Id, programme.Year, programme.Title, programme.AnnouncedAt is not null,
            programme.AnnouncedAt, winners));
    }
}
