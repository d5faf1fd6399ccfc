using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Figures;
using Platform.ServiceDefaults.ReferenceData;
using Platform.ServiceDefaults.Serialization;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Retention;
using Platform.Volunteers.Roles;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.PartnerFigures;

/// <param name="StayedOrLeft">Of the volunteers who started at least <c>Months</c> ago: "stayed" past that many months, or "left" before; the total is those eligible.</param>
/// <param name="Share">Stayed over eligible, only when neither count is suppressed.</param>
public sealed record RetentionFigure(int Months, Breakdown StayedOrLeft, double? Share);

/// <param name="Volunteering">Volunteers with the organisation now (active or paused).</param>
public sealed record OrganisationVolunteerFigures(
    Guid OrganisationId, DateTimeOffset AsOf, Cell Volunteering, Cell StartedInLastYear, Cell LeftInLastYear,
    Breakdown VolunteeringByCategory, IReadOnlyList<RetentionFigure> Retention);

/// <param name="OpenRolesByDistrict">Roles open now; a count of roles, not people, so shown whole.</param>
public sealed record CountyVolunteerFigures(
    DateTimeOffset AsOf, Breakdown VolunteeringByDistrict, Breakdown VolunteeringByCategory, Breakdown StartedInLastYearByDistrict,
    IReadOnlyList<Cell> OpenRolesByDistrict);

/// <summary>
/// Figures for partners (issue 18): an organisation's own volunteering and retention (its users and keys, a partner key
/// issued to it; staff name the organisation), and county-wide volunteering for every reader. Counts of people go
/// through <see cref="SmallCells"/>; a role's district is where its volunteering is counted.
/// </summary>
public static class VolunteerFiguresApi
{
    public const string ReadScope = "volunteers:read";

    public static IEndpointRouteBuilder MapVolunteerFiguresApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/volunteers/figures").WithTags("Partner figures")
            .RequireAuthorization(FiguresReaders.Policy).ProducesAuthorizationFailures();
        group.MapGet("/organisation", OrganisationAsync).WithName("GetOrganisationVolunteerFigures")
            .WithSummary("Your organisation's volunteering and retention, small counts suppressed (staff name the organisation)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/county", CountyAsync).WithName("GetCountyVolunteerFigures")
            .WithSummary("Volunteering across the county by district and category, small counts suppressed");
        return routes;
    }

    // Member-initialised, not positional: EF translates filters and groupings over a projection's members only then.
    private sealed class Tenure
    {
        public Guid OrganisationId { get; init; }
        public RoleCategory Category { get; init; }
        public string District { get; init; } = "";
        public DateTimeOffset StartedAt { get; init; }
        public DateTimeOffset? LeftAt { get; init; }
    }

    private static IQueryable<Tenure> Tenures(VolunteersDbContext db) =>
        from v in db.Volunteers
        join r in db.Roles on v.RoleId equals r.Id
        select new Tenure { OrganisationId = v.OrganisationId, Category = r.Category, District = r.District, StartedAt = v.StartedAt, LeftAt = v.LeftAt };

    private static async Task<Results<Ok<OrganisationVolunteerFigures>, ValidationProblem, ProblemHttpResult>> OrganisationAsync(
        ClaimsPrincipal user, VolunteersDbContext db, TimeProvider time,
        [Description("Staff: the organisation to read. Others read their own; naming another is not found")] Guid? organisationId,
        CancellationToken ct)
    {
        var own = FiguresReaders.OrganisationOf(user);
        if (own is null && organisationId is null)
            return new ValidationErrors().Add("organisationId", "Name the organisation whose figures to read.").ToProblem();
        var organisation = organisationId ?? own!.Value;
        if ((own is not null && own != organisation) || !await db.Organisations.AnyAsync(o => o.Id == organisation, ct))
            return RuleProblem.NotFound($"Organisation {organisation}");

        var now = time.GetUtcNow();
        var yearAgo = now.AddYears(-1);
        var tenures = await Tenures(db).Where(t => t.OrganisationId == organisation).AsNoTracking().ToListAsync(ct);
        var current = tenures.Where(t => t.LeftAt is null).ToList();

        var retention = RetentionFigures.Horizons.Select(months =>
        {
            var eligible = tenures.Where(t => t.StartedAt.AddMonths(months) <= now).ToList();
            var stayed = eligible.Count(t => t.LeftAt is null || t.LeftAt > t.StartedAt.AddMonths(months));
            var split = SmallCells.Suppress([("stayed", stayed), ("left", eligible.Count - stayed)]);
            double? share = split.Cells.All(c => !c.Suppressed) && split.Total is > 0 ? Math.Round((double)stayed / eligible.Count, 3) : null;
            return new RetentionFigure(months, split, share);
        }).ToList();

        return TypedResults.Ok(new OrganisationVolunteerFigures(organisation, now,
            SmallCells.Single("volunteering", current.Count),
            SmallCells.Single("startedInLastYear", tenures.Count(t => t.StartedAt > yearAgo)),
            SmallCells.Single("leftInLastYear", tenures.Count(t => t.LeftAt > yearAgo)),
            SmallCells.Suppress(Enum.GetValues<RoleCategory>().Select(c => (EnumSpelling.Of(c), current.Count(t => t.Category == c))).ToList()),
            retention));
    }

    private static async Task<Ok<CountyVolunteerFigures>> CountyAsync(VolunteersDbContext db, Districts districts, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var yearAgo = now.AddYears(-1);
        var volunteering = await Tenures(db)
            .GroupBy(t => new { t.District, t.Category })
            .Select(g => new
            {
                g.Key.District, g.Key.Category,
                Current = g.Count(t => t.LeftAt == null),
                Started = g.Count(t => t.StartedAt > yearAgo),
            })
            .ToListAsync(ct);
        var openRoles = await db.Roles.Where(r => r.Status == RoleStatus.Open).GroupBy(r => r.District)
            .Select(g => new { District = g.Key, Count = g.Count() }).ToListAsync(ct);

        // Every district on the list and every category, so a missing row never says what a small count would.
        var districtNames = districts.Names.Concat(volunteering.Select(v => v.District)).Concat(openRoles.Select(r => r.District))
            .Distinct(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new CountyVolunteerFigures(now,
            SmallCells.Suppress(districtNames.Select(d => (d, volunteering.Where(v => v.District == d).Sum(v => v.Current))).ToList()),
            SmallCells.Suppress(Enum.GetValues<RoleCategory>().Select(c => (EnumSpelling.Of(c), volunteering.Where(v => v.Category == c).Sum(v => v.Current))).ToList()),
            SmallCells.Suppress(districtNames.Select(d => (d, volunteering.Where(v => v.District == d).Sum(v => v.Started))).ToList()),
            districtNames.Select(d => Cell.Shown(d, openRoles.Where(r => r.District == d).Sum(r => r.Count))).ToList()));
    }
}
