using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Serialization;
using Platform.Volunteers.Infrastructure;

namespace Platform.Volunteers.Applications;

/// <summary>The organisation's recruitment pipeline: its own applications only, filtered by its organisation id.</summary>
public static class PipelineApi
{
    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/volunteers/organisation/applications").WithTags("Recruitment pipeline")
            .RequireAuthorization(PlatformPolicies.Organisation).ProducesAuthorizationFailures();
        group.MapGet("/", ListAsync).WithName("ListApplications").WithSummary("The organisation's applications, by role and stage").ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetOrganisationApplication").WithSummary("One application with its history").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/stage", MoveAsync).WithName("MoveApplicationStage").WithSummary("Move an application to its next stage, or decline it")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return routes;
    }

    private static async Task<Ok<Paged<ApplicationView>>> ListAsync(
        ClaimsPrincipal user, VolunteersDbContext db, Guid? roleId, ApplicationStage? stage, PageRequest paging, CancellationToken ct)
    {
        var org = user.OrganisationId();
        var query = db.Applications.AsNoTracking().Where(a => a.OrganisationId == org);
        if (roleId is not null) query = query.Where(a => a.RoleId == roleId);
        if (stage is not null) query = query.Where(a => a.Stage == stage);
        var page = await query.Include(a => a.History).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToPagedAsync(paging, ct);
        var applications = page.Items;
        var roleIds = applications.Select(a => a.RoleId).Distinct().ToList();
        var roles = await db.Roles.AsNoTracking().Where(r => roleIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var ids = applications.Select(a => a.Id).ToList();
        var volunteers = await db.Volunteers.Where(v => ids.Contains(v.ApplicationId)).ToDictionaryAsync(v => v.ApplicationId, v => v.Id, ct);
        return TypedResults.Ok(page.Select(a => ApplicationView.Of(a, roles[a.RoleId], volunteers.TryGetValue(a.Id, out var v) ? v : null)));
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, VolunteersDbContext db, CancellationToken ct)
    {
        var org = user.OrganisationId();
        var a = await db.Applications.AsNoTracking().Include(x => x.History).FirstOrDefaultAsync(x => x.Id == id && x.OrganisationId == org, ct);
        if (a is null) return RuleProblem.NotFound($"Application {id}");
        var role = await db.Roles.AsNoTracking().FirstAsync(r => r.Id == a.RoleId, ct);
        var volunteerId = await db.Volunteers.Where(v => v.ApplicationId == id).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct);
        return TypedResults.Ok(ApplicationView.Of(a, role, volunteerId));
    }

    private static async Task<Results<Ok<ApplicationView>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        Guid id, StageChangeRequest request, ClaimsPrincipal user, VolunteersDbContext db, ApplicationTransitions transitions, CancellationToken ct)
    {
        var org = user.OrganisationId();
        var a = await db.Applications.Include(x => x.History).FirstOrDefaultAsync(x => x.Id == id && x.OrganisationId == org, ct);
        if (a is null) return RuleProblem.NotFound($"Application {id}");
        return await transitions.MoveAsync(a, request.Stage, request.Reason, user.Actor(), ct) switch
        {
            ApplicationMove.Moved moved => TypedResults.Ok(ApplicationView.Of(moved.Application, moved.Role, moved.VolunteerId)),
            ApplicationMove.Invalid invalid => invalid.Errors.ToProblem(),
            var refused => Refusal(refused),
        };
    }

    /// <summary>A move that did not happen, in HTTP; the applicant's withdrawal (<see cref="ApplyApi"/>) answers the same.</summary>
    internal static ProblemHttpResult Refusal(ApplicationMove move) => move switch
    {
        ApplicationMove.NotAllowed no => TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "A rule was broken.",
            detail: no.Allowed.Count == 0
                ? $"The application is {no.From}; it cannot move any further."
                : $"An application in {no.From} can move to {string.Join(", ", no.Allowed)}, not {no.To}.",
            extensions: new Dictionary<string, object?> { ["rule"] = "illegal-transition", ["stage"] = EnumSpelling.Of(no.From), ["allowed"] = no.Allowed.Select(EnumSpelling.Of).ToArray() }),
        ApplicationMove.Refused refused => RuleProblem.Conflict(refused.Rule, refused.Reason),
        _ => throw new UnreachableException(),
    };
}
