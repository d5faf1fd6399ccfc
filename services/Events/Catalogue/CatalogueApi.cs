using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Events.Infrastructure;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.ReferenceData;

namespace Platform.Events.Catalogue;

/// <summary>Public reads: published events and their programmes. Organisers may also read their drafts by id.</summary>
public static class CatalogueApi
{
    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events").WithTags("Events");

        group.MapGet("/", ListPublishedAsync).WithName("ListPublishedEvents").WithSummary("Published events, soonest first, with paging and filters");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetEvent").WithSummary("One event with its programme and choice rules");

        return routes;
    }

    private static async Task<Results<Ok<Paged<EventSummary>>, ValidationProblem>> ListPublishedAsync(
        EventsDbContext db,
        PageRequest paging,
        Districts districts,
        [Description("Events ending on or after this instant")] DateTimeOffset? from,
        [Description("Events starting before this instant")] DateTimeOffset? to,
        EventKind? kind,
        [Description("Venue district, one of GET /api/reference/districts, ignoring case")] string? district,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .AddIf(from > to, "to", "The end of the date range must not be before its start.");
        districts.CheckOptional(errors, "district", district);
        if (errors.Any) return errors.ToProblem();

        var query = db.Events.AsNoTracking().Where(e => e.Status == EventStatus.Published);
        if (from is { } f) { var fu = f.ToUniversalTime(); query = query.Where(e => e.EndsAt >= fu); }
        if (to is { } t) { var tu = t.ToUniversalTime(); query = query.Where(e => e.StartsAt < tu); }
        if (kind is { } k) query = query.Where(e => e.Kind == k);
        if (!string.IsNullOrWhiteSpace(district))
        {
            var d = district.Trim().ToLowerInvariant();
            query = query.Where(e => e.Venue.District.ToLower() == d);
        }

        var events = await query.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).ToPagedAsync(paging, cancellationToken);
        return TypedResults.Ok(events.Select(e => e.ToSummary()));
    }

    private static async Task<Results<Ok<EventDetail>, ProblemHttpResult>> GetAsync(
        Guid id, EventsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        // Staff read any event by id, an organisation's users their own drafts too; the public only what is published.
        var isStaff = http.User.GetRole() == PlatformPolicies.Staff;
        var organisation = http.User.GetRole() == PlatformPolicies.Organisation ? http.User.GetOrganisationId() : null;
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).Include(x => x.Speakers.Where(s => s.ConsentToPublish))
            .FirstOrDefaultAsync(x => x.Id == id
                && (isStaff || x.Status == EventStatus.Published || (organisation != null && x.OrganisationId == organisation)), cancellationToken);
        return e is null ? RuleProblem.NotFound($"Event {id}") : TypedResults.Ok(e.ToDetail());
    }
}
