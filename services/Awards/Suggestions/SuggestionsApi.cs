using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Awards.Infrastructure;
using Platform.Data;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;

namespace Platform.Awards.Suggestions;

public sealed record SuggestionView(
    Guid Id, Guid VolunteerId, string VolunteerName, Guid OrganisationId, string OrganisationName, string Milestone, string Description,
    DateTimeOffset ReachedAt, string? District, string? Category);

/// <summary>Staff: volunteers' milestones as possible nominees.</summary>
public static class SuggestionsApi
{
    public static IEndpointRouteBuilder MapSuggestionsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/awards/suggestions").WithTags("Suggestions").RequireAuthorization(PlatformPolicies.Staff).ProducesAuthorizationFailures()
            .MapGet("/", async Task<Ok<Paged<SuggestionView>>> (DateTimeOffset? since, AwardsDbContext db, PageRequest paging, CancellationToken ct) =>
            {
                var query = db.Suggestions.AsNoTracking();
                // Any offset names the same instant; PostgreSQL's timestamptz takes it only as UTC.
                if (since is { } s) { var utc = s.ToUniversalTime(); query = query.Where(x => x.ReachedAt >= utc); }
                return TypedResults.Ok(await query.OrderByDescending(x => x.ReachedAt).ThenBy(x => x.Id)
                    .Select(x => new SuggestionView(x.Id, x.VolunteerId, x.VolunteerName, x.OrganisationId, x.OrganisationName, x.Milestone,
                        x.Description, x.ReachedAt, x.District, x.Category)).ToPagedAsync(paging, ct));
            }).WithName("ListSuggestions").WithSummary("Volunteers' milestones, newest first: possible nominees, never nominations");
        return routes;
    }
}
