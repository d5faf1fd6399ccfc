using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Events.Infrastructure;
using Platform.ServiceDefaults.Identity;

namespace Platform.Events.PartnerFigures;

public sealed record EventPartnersRequest(IReadOnlyList<Guid>? OrganisationIds);

/// <param name="OrganisationId">The organising organisation (a training day's), which co-runs it without being named here; null for the office's events.</param>
public sealed record EventPartners(Guid EventId, Guid? OrganisationId, IReadOnlyList<Guid> PartnerOrganisationIds);

/// <summary>
/// Staff name the partner organisations that co-run an event beside its organiser. The gateway's organisation ids are
/// taken as given (Events holds no list of organisations): an id no organisation has reads nothing.
/// </summary>
public static class EventPartnersApi
{
    public const int MaxPartners = 20;

    public static IEndpointRouteBuilder MapEventPartnersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events/{eventId:guid}/partners").WithTags("Partner figures")
            .RequireAuthorization(PlatformPolicies.Staff).ProducesProblem(StatusCodes.Status404NotFound).ProducesAuthorizationFailures();
        group.MapGet("/", GetAsync).WithName("GetEventPartners").WithSummary("The organisations that co-run an event");
        group.MapPut("/", SetAsync).WithName("SetEventPartners").WithSummary("Name the partner organisations that co-run an event");
        return routes;
    }

    private static async Task<Results<Ok<EventPartners>, ProblemHttpResult>> GetAsync(Guid eventId, EventsDbContext db, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().Where(x => x.Id == eventId)
            .Select(x => new EventPartners(x.Id, x.OrganisationId, x.PartnerOrganisationIds)).FirstOrDefaultAsync(ct);
        return e is null ? RuleProblem.NotFound($"Event {eventId}") : TypedResults.Ok(e);
    }

    private static async Task<Results<Ok<EventPartners>, ValidationProblem, ProblemHttpResult>> SetAsync(
        Guid eventId, EventPartnersRequest request, EventsDbContext db, CancellationToken ct)
    {
        var ids = request.OrganisationIds ?? [];
        var errors = new ValidationErrors()
            .AddIf(request.OrganisationIds is null, "organisationIds", "Give the partner organisations' ids (an empty list for none).")
            .AddIf(ids.Count > MaxPartners, "organisationIds", $"At most {MaxPartners} partner organisations.")
            .AddIf(ids.Any(id => id == Guid.Empty), "organisationIds", "An organisation id must not be empty.");
        if (errors.Any) return errors.ToProblem();

        var e = await db.Events.FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return RuleProblem.NotFound($"Event {eventId}");
        // The organiser co-runs its own event already; naming it again would change nothing.
        e.PartnerOrganisationIds = ids.Distinct().Where(id => id != e.OrganisationId).Order().ToList();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new EventPartners(e.Id, e.OrganisationId, e.PartnerOrganisationIds));
    }
}
