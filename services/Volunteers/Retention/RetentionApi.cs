using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Serialization;
using Platform.Volunteers.Infrastructure;

namespace Platform.Volunteers.Retention;

public enum RetentionGrouping { Organisation, Category, District }

public sealed record RetentionReport(RetentionGrouping GroupBy, DateTimeOffset AsOf, IReadOnlyList<RetentionGroup> Groups);

/// <summary>Retention per organisation, category or district: staff across every organisation, an organisation for its own.</summary>
public static class RetentionApi
{
    public static IEndpointRouteBuilder MapRetentionApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/volunteers/staff/retention", (RetentionGrouping? groupBy, VolunteersDbContext db, TimeProvider time, CancellationToken ct) =>
                ReportAsync(db, time, groupBy ?? RetentionGrouping.Organisation, null, ct))
            .WithTags("Retention").WithName("GetRetention").WithSummary("Retention figures across every organisation")
            .RequireAuthorization(PlatformPolicies.Staff).ProducesAuthorizationFailures();
        routes.MapGet("/api/volunteers/organisation/retention", (RetentionGrouping? groupBy, ClaimsPrincipal user, VolunteersDbContext db, TimeProvider time, CancellationToken ct) =>
                ReportAsync(db, time, groupBy ?? RetentionGrouping.Category, user.OrganisationId(), ct))
            .WithTags("Retention").WithName("GetOrganisationRetention").WithSummary("The organisation's own retention figures")
            .RequireAuthorization(PlatformPolicies.Organisation).ProducesAuthorizationFailures();
        return routes;
    }

    public static async Task<Ok<RetentionReport>> ReportAsync(
        VolunteersDbContext db, TimeProvider time, RetentionGrouping groupBy, Guid? organisationId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rows = await (from v in db.Volunteers
                          join r in db.Roles on v.RoleId equals r.Id
                          join o in db.Organisations on v.OrganisationId equals o.Id
                          where organisationId == null || v.OrganisationId == organisationId
                          select new { OrganisationName = o.Name, r.Category, r.District, v.StartedAt, v.LeftAt, v.ExitReason })
            .AsNoTracking().ToListAsync(ct);
        var records = rows.Select(x => new TenureRecord(
            groupBy switch
            {
                RetentionGrouping.Category => EnumSpelling.Of(x.Category),
                RetentionGrouping.District => x.District,
                _ => x.OrganisationName,
            }, x.StartedAt, x.LeftAt, x.ExitReason));
        return TypedResults.Ok(new RetentionReport(groupBy, now, RetentionFigures.Compute(records, now)));
    }
}
