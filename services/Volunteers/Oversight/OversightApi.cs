using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.Volunteers.Hours;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Organisations;
using Platform.Volunteers.Roles;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Oversight;

public sealed record CategoryHours(RoleCategory Category, int Volunteers, decimal ApprovedHours);

public sealed record Overview(
    IReadOnlyDictionary<OrganisationStatus, int> Organisations,
    IReadOnlyDictionary<RoleStatus, int> Roles,
    IReadOnlyDictionary<VolunteerStatus, int> Volunteers,
    int AtRisk,
    IReadOnlyList<CategoryHours> ByCategory);

public sealed record StaffAtRiskView(Guid Id, Guid OrganisationId, string OrganisationName, string Name, Guid RoleId, DateTimeOffset AtRiskSince,
    IReadOnlyList<string> Reasons, DateTimeOffset LastActivityAt, DateTimeOffset? ReengagedAt);

/// <summary>
/// What the Commissioner's office sees across every organisation: how many roles and volunteers, who is drifting away,
/// and what volunteers give to each area of community safety. Counted from the records on each request.
/// </summary>
public static class OversightApi
{
    public static IEndpointRouteBuilder MapOversightApi(this IEndpointRouteBuilder routes)
    {
        var staff = routes.MapGroup("/api/volunteers/staff").WithTags("Oversight (staff)")
            .RequireAuthorization(PlatformPolicies.Staff).ProducesAuthorizationFailures();
        staff.MapGet("/overview", OverviewAsync).WithName("GetOverview").WithSummary("Roles, volunteers, at-risk and hours by category across every organisation");
        staff.MapGet("/volunteers/at-risk", AtRiskAsync).WithName("ListAllAtRiskVolunteers").WithSummary("Every volunteer flagged at risk, with the reasons");
        return routes;
    }

    private static async Task<Ok<Overview>> OverviewAsync(VolunteersDbContext db, CancellationToken ct)
    {
        var organisations = await db.Organisations.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var roles = await db.Roles.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var volunteers = await db.Volunteers.GroupBy(v => v.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var atRisk = await db.Volunteers.CountAsync(v => v.AtRiskSince != null && v.Status == VolunteerStatus.Active, ct);
        var volunteersByCategory = await (from v in db.Volunteers
                                          join r in db.Roles on v.RoleId equals r.Id
                                          where v.Status != VolunteerStatus.Left
                                          group v by r.Category into g
                                          select new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var hoursByCategory = await (from h in db.Hours
                                     join v in db.Volunteers on h.VolunteerId equals v.Id
                                     join r in db.Roles on v.RoleId equals r.Id
                                     where h.Status == HoursStatus.Approved
                                     group h by r.Category into g
                                     select new { g.Key, Hours = g.Sum(h => h.Hours) }).ToDictionaryAsync(x => x.Key, x => x.Hours, ct);
        var byCategory = Enum.GetValues<RoleCategory>()
            .Select(c => new CategoryHours(c, volunteersByCategory.GetValueOrDefault(c), hoursByCategory.GetValueOrDefault(c)))
            .ToList();
        return TypedResults.Ok(new Overview(Complete(organisations), Complete(roles), Complete(volunteers), atRisk, byCategory));
    }

    private static async Task<Ok<Paged<StaffAtRiskView>>> AtRiskAsync(VolunteersDbContext db, PageRequest paging, CancellationToken ct) =>
        TypedResults.Ok(await (from v in db.Volunteers
                               join o in db.Organisations on v.OrganisationId equals o.Id
                               where v.AtRiskSince != null && v.Status == VolunteerStatus.Active
                               orderby v.AtRiskSince, v.Id
                               select new StaffAtRiskView(v.Id, o.Id, o.Name, v.Name, v.RoleId, v.AtRiskSince!.Value, v.AtRiskReasons, v.LastActivityAt, v.ReengagedAt))
            .ToPagedAsync(paging, ct));

    /// <summary>Every status present, zero where there are none, so a dashboard need not guess at missing keys.</summary>
    private static Dictionary<TKey, int> Complete<TKey>(Dictionary<TKey, int> counts) where TKey : struct, Enum =>
        Enum.GetValues<TKey>().ToDictionary(k => k, k => counts.GetValueOrDefault(k));
}
