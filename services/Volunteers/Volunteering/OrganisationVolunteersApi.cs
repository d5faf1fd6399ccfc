using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;
using Platform.Volunteers.Hours;
using Platform.Volunteers.Infrastructure;

namespace Platform.Volunteers.Volunteering;

/// <summary>The organisation's own volunteers: their records, hours, status, and who is drifting away.</summary>
public static class OrganisationVolunteersApi
{
    public static IEndpointRouteBuilder MapOrganisationVolunteersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/volunteers/organisation").WithTags("Organisation volunteers")
            .RequireAuthorization(PlatformPolicies.Organisation).ProducesAuthorizationFailures();
        group.MapGet("/volunteers", ListAsync).WithName("ListVolunteers").WithSummary("The organisation's volunteers, optionally by status");
        group.MapGet("/volunteers/at-risk", AtRiskAsync).WithName("ListAtRiskVolunteers").WithSummary("Volunteers flagged at risk of leaving, with the reasons");
        group.MapGet("/volunteers/{id:guid}", GetAsync).WithName("GetVolunteer").WithSummary("One volunteer").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/volunteers/{id:guid}/hours", LogHoursAsync).WithName("LogVolunteerHours").WithSummary("Log hours for a volunteer (approved at once)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/hours", ListHoursAsync).WithName("ListHours").WithSummary("Hours entries, e.g. those waiting for approval");
        group.MapPost("/hours/{id:guid}/approve", async (Guid id, ClaimsPrincipal user, HoursLog log, CancellationToken ct) =>
            Decided(await log.DecideAsync(id, user.OrganisationId(), approve: true, user.Actor(), ct))).WithName("ApproveHours").WithSummary("Approve logged hours");
        group.MapPost("/hours/{id:guid}/reject", async (Guid id, ClaimsPrincipal user, HoursLog log, CancellationToken ct) =>
            Decided(await log.DecideAsync(id, user.OrganisationId(), approve: false, user.Actor(), ct))).WithName("RejectHours").WithSummary("Reject logged hours");
        group.MapPost("/volunteers/{id:guid}/pause", PauseAsync).WithName("PauseVolunteer").WithSummary("Pause a volunteer until a return date")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/volunteers/{id:guid}/resume", ResumeAsync).WithName("ResumeVolunteer").WithSummary("Resume a paused volunteer")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/volunteers/{id:guid}/leave", LeaveAsync).WithName("RecordVolunteerLeft").WithSummary("Record that a volunteer left, with the exit reason and survey")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Ok<Paged<VolunteerView>>> ListAsync(ClaimsPrincipal user, VolunteersDbContext db, VolunteerStatus? status, PageRequest paging, CancellationToken ct)
    {
        var org = user.OrganisationId();
        var query = db.Volunteers.AsNoTracking().Where(v => v.OrganisationId == org);
        if (status is not null) query = query.Where(v => v.Status == status);
        var volunteers = await query.OrderBy(v => v.Name).ThenBy(v => v.Id).ToPagedAsync(paging, ct);
        var ids = volunteers.Items.Select(v => v.Id).ToList();
        var titles = await db.Roles.Where(r => r.OrganisationId == org).ToDictionaryAsync(r => r.Id, r => r.Title, ct);
        var milestones = (await db.Milestones.AsNoTracking().Where(m => ids.Contains(m.VolunteerId)).ToListAsync(ct)).ToLookup(m => m.VolunteerId);
        var credentials = (await db.Credentials.AsNoTracking().Where(c => ids.Contains(c.VolunteerId)).ToListAsync(ct)).ToLookup(c => c.VolunteerId);
        return TypedResults.Ok(volunteers.Select(v => VolunteerView.Of(v, titles[v.RoleId], milestones[v.Id], credentials[v.Id])));
    }

    private static async Task<Ok<Paged<AtRiskView>>> AtRiskAsync(ClaimsPrincipal user, VolunteersDbContext db, PageRequest paging, CancellationToken ct)
    {
        var org = user.OrganisationId();
        var page = await db.Volunteers.AsNoTracking()
            .Where(v => v.OrganisationId == org && v.AtRiskSince != null && v.Status == VolunteerStatus.Active)
            .OrderBy(v => v.AtRiskSince).ThenBy(v => v.Id).ToPagedAsync(paging, ct);
        return TypedResults.Ok(page.Select(v => new AtRiskView(v.Id, v.Name, v.Email, v.RoleId, v.AtRiskSince!.Value, v.AtRiskReasons, v.LastActivityAt, v.ReengagedAt)));
    }

    private static async Task<Results<Ok<VolunteerView>, ProblemHttpResult>> GetAsync(Guid id, ClaimsPrincipal user, VolunteersDbContext db, CancellationToken ct)
    {
        var org = user.OrganisationId();
        var v = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.OrganisationId == org, ct);
        return v is null ? RuleProblem.NotFound($"Volunteer {id}") : TypedResults.Ok(await db.ViewAsync(v, ct));
    }

    private static async Task<Results<Created<HoursView>, ValidationProblem, ProblemHttpResult>> LogHoursAsync(
        Guid id, HoursRequest request, ClaimsPrincipal user, HoursLog log, CancellationToken ct) =>
        Logged(await log.LogAsync(id, user.OrganisationId(), request, HoursLoggedBy.Organisation, user.Actor(), ct));

    /// <summary>Logged hours in HTTP, for the organisation's log and the volunteer's own (<see cref="VolunteerLinkApi"/>).</summary>
    internal static Results<Created<HoursView>, ValidationProblem, ProblemHttpResult> Logged(HoursChange change) => change switch
    {
        HoursChange.Made made => TypedResults.Created($"/api/volunteers/organisation/hours/{made.Entry.Id}", HoursView.Of(made.Entry)),
        HoursChange.Invalid invalid => invalid.Errors.ToProblem(),
        _ => Refusal(change),
    };

    private static Results<Ok<HoursView>, ProblemHttpResult> Decided(HoursChange change) =>
        change is HoursChange.Made made ? TypedResults.Ok(HoursView.Of(made.Entry)) : Refusal(change);

    private static ProblemHttpResult Refusal(HoursChange change) => change switch
    {
        HoursChange.NotFound missing => RuleProblem.NotFound(missing.What),
        HoursChange.Refused refused => RuleProblem.Conflict(refused.Rule, refused.Reason),
        _ => throw new UnreachableException(),
    };

    private static async Task<Ok<Paged<HoursView>>> ListHoursAsync(
        ClaimsPrincipal user, VolunteersDbContext db, HoursStatus? status, Guid? volunteerId, PageRequest paging, CancellationToken ct)
    {
        var org = user.OrganisationId();
        var query = db.Hours.AsNoTracking().Where(h => h.OrganisationId == org);
        if (status is not null) query = query.Where(h => h.Status == status);
        if (volunteerId is not null) query = query.Where(h => h.VolunteerId == volunteerId);
        var page = await query.OrderBy(h => h.Date).ThenBy(h => h.Id).ToPagedAsync(paging, ct);
        return TypedResults.Ok(page.Select(HoursView.Of));
    }

    private static async Task<Results<Ok<VolunteerView>, ValidationProblem, ProblemHttpResult>> PauseAsync(
        Guid id, PauseRequest request, ClaimsPrincipal user, VolunteersDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (request.Validate(today) is { Any: true } errors) return errors.ToProblem();
        var org = user.OrganisationId();
        var v = await db.Volunteers.FirstOrDefaultAsync(x => x.Id == id && x.OrganisationId == org, ct);
        if (v is null) return RuleProblem.NotFound($"Volunteer {id}");
        if (!request.ApplyTo(v)) return RuleProblem.Conflict("volunteer-left", "The volunteer has left.");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await db.ViewAsync(v, ct));
    }

    private static async Task<Results<Ok<VolunteerView>, ProblemHttpResult>> ResumeAsync(
        Guid id, ClaimsPrincipal user, VolunteersDbContext db, TimeProvider time, CancellationToken ct)
    {
        var org = user.OrganisationId();
        var v = await db.Volunteers.FirstOrDefaultAsync(x => x.Id == id && x.OrganisationId == org, ct);
        if (v is null) return RuleProblem.NotFound($"Volunteer {id}");
        if (v.Status != VolunteerStatus.Paused) return RuleProblem.Conflict("volunteer-status", $"The volunteer is {v.Status}, not Paused.");
        v.Status = VolunteerStatus.Active;
        v.ReturnsOn = null;
        // A return is a fresh start for lapse detection: the pause was agreed, not drift.
        v.RecordActivity(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await db.ViewAsync(v, ct));
    }

    private static async Task<Results<Ok<VolunteerView>, ValidationProblem, ProblemHttpResult>> LeaveAsync(
        Guid id, LeaveRequest request, ClaimsPrincipal user, VolunteersDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = request.Validate();
        if (errors.Any) return errors.ToProblem();
        var org = user.OrganisationId();
        var v = await db.Volunteers.FirstOrDefaultAsync(x => x.Id == id && x.OrganisationId == org, ct);
        if (v is null) return RuleProblem.NotFound($"Volunteer {id}");
        if (!request.ApplyTo(v, time.GetUtcNow())) return RuleProblem.Conflict("volunteer-left", "The volunteer has already left.");
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await db.ViewAsync(v, ct));
    }
}
