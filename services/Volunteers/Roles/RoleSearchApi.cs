using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.ReferenceData;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Organisations;

namespace Platform.Volunteers.Roles;

/// <summary>
/// Public role search: Open roles of approved organisations whose closing date has not passed, filtered and paged,
/// soonest closing first. Staff (a staff token through the gateway) see every role and may filter by status.
/// </summary>
public static class RoleSearchApi
{
    /// <summary>What a search needs from the host (the caller decides what it may see), bound as one parameter.</summary>
    public readonly record struct RoleSearchServices(ClaimsPrincipal User, VolunteersDbContext Db, TimeProvider Time, Districts Districts);

    public static IEndpointRouteBuilder MapRoleSearchApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/volunteers/roles").WithTags("Roles");
        group.MapGet("/", SearchAsync).WithName("SearchRoles").WithSummary("Search volunteer roles").ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).WithName("GetRole").WithSummary("One role").ProducesProblem(StatusCodes.Status404NotFound);
        return routes;
    }

    public static IQueryable<VolunteerRole> Visible(VolunteersDbContext db, DateOnly today) =>
        from r in db.Roles
        join o in db.Organisations on r.OrganisationId equals o.Id
        where r.Status == RoleStatus.Open && o.Status == OrganisationStatus.Approved && (r.ClosesOn == null || r.ClosesOn >= today)
        select r;

    private static async Task<Results<Ok<Paged<RoleSummary>>, ValidationProblem>> SearchAsync(
        [AsParameters] RoleSearchServices services,
        string? q, RoleCategory? category, string? district, string? skill, bool? remote, Availability? availability,
        RoleStatus? status, Guid? organisationId, PageRequest paging, CancellationToken ct)
    {
        var (user, db, time, districts) = services;
        var errors = new ValidationErrors();
        Text.Optional(errors, "q", q, Limits.Title);
        Text.Optional(errors, "district", district, Limits.District);
        districts.CheckOptional(errors, "district", district);
        Text.Optional(errors, "skill", skill, Limits.Skill);
        var staff = user.IsStaff();
        errors.AddIf(status is not null && !staff, "status", "Only staff can search by status; the public sees Open roles.");
        if (errors.Any) return errors.ToProblem();

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var roles = staff ? db.Roles.AsQueryable() : Visible(db, today);
        if (status is not null) roles = roles.Where(r => r.Status == status);
        if (category is not null) roles = roles.Where(r => r.Category == category);
        if (!string.IsNullOrWhiteSpace(district))
        {
            var d = district.Trim().ToLower();
            roles = roles.Where(r => r.District.ToLower() == d);
        }
        if (!string.IsNullOrWhiteSpace(skill))
        {
            var s = skill.Trim().ToLowerInvariant();
            roles = roles.Where(r => r.Skills.Contains(s));
        }
        if (remote is not null) roles = roles.Where(r => r.Remote == remote);
        if (availability is not null) roles = roles.Where(r => r.Availability.Contains(availability.Value) || r.Availability.Contains(Availability.Flexible));
        if (organisationId is not null) roles = roles.Where(r => r.OrganisationId == organisationId);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = LikePattern.Containing(q);
            roles = roles.Where(r => EF.Functions.ILike(r.Title, pattern, LikePattern.Escape) || EF.Functions.ILike(r.Description, pattern, LikePattern.Escape));
        }

        var page = await (from r in roles
                          join o in db.Organisations on r.OrganisationId equals o.Id
                          orderby r.ClosesOn == null, r.ClosesOn, r.Id
                          select new RoleSummary(r.Id, r.OrganisationId, o.Name, r.Title, r.Category, r.District, r.Remote, r.Skills,
                              r.TimeCommitment, r.BackgroundCheck, r.Places - r.PlacesFilled, r.ClosesOn, r.Status))
            .ToPagedAsync(paging, ct);
        return TypedResults.Ok(page);
    }

    private static async Task<Results<Ok<RoleView>, ProblemHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, VolunteersDbContext db, TimeProvider time, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var roles = user.IsStaff() ? db.Roles.AsNoTracking() : Visible(db, today).AsNoTracking();
        var found = await (from r in roles
                           join o in db.Organisations on r.OrganisationId equals o.Id
                           where r.Id == id
                           select new { r, o.Name }).FirstOrDefaultAsync(ct);
        return found is null ? RuleProblem.NotFound($"Role {id}") : TypedResults.Ok(RoleView.Of(found.r, found.Name));
    }
}
