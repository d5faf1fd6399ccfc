using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;
using Platform.ServiceDefaults.Figures;
using Platform.ServiceDefaults.Paging;
using Platform.ServiceDefaults.ReferenceData;
using Platform.ServiceDefaults.Serialization;

namespace Platform.Events.PartnerFigures;

public sealed record CoRunEvent(Guid Id, string Title, DateTimeOffset StartsAt, EventStatus Status);

/// <param name="Registrations">Registrations still held, by the delegates' sector.</param>
/// <param name="Attendance">Of those, the delegates checked in, by sector.</param>
public sealed record EventFigures(
    Guid EventId, string Title, DateTimeOffset StartsAt, string District, EventStatus Status, Breakdown Registrations, Breakdown Attendance);

/// <param name="From">The period, in UTC (its ends may be any instant a caller names, year 1 included).</param>
/// <param name="EventsHeld">Events published (or since closed) that started in the period; a count of events, not people, so shown whole.</param>
public sealed record CountyEventFigures(
    DateTimeOffset From, DateTimeOffset To, int EventsHeld, IReadOnlyList<Cell> EventsByDistrict,
    Breakdown RegistrationsByDistrict, Breakdown RegistrationsBySector, Breakdown AttendanceByDistrict, Breakdown AttendanceBySector);

/// <summary>
/// Figures for partners (issue 18), never a delegate's details: registrations and attendance by sector for the events a
/// partner co-runs (its organiser, or a partner staff named), and county-wide totals for every reader. Every count
/// about people goes through <see cref="SmallCells"/>.
/// </summary>
public static class EventFiguresApi
{
    public const string ReadScope = "events:read";

    /// <summary>The county figures cover the last year unless a period is asked for.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(365);

    public static IEndpointRouteBuilder MapEventFiguresApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events/figures").WithTags("Partner figures")
            .RequireAuthorization(FiguresReaders.Policy).ProducesAuthorizationFailures();
        group.MapGet("/events", ListAsync).WithName("ListCoRunEvents").WithSummary("The events your organisation co-runs (staff: every event)");
        group.MapGet("/events/{eventId:guid}", GetAsync).WithName("GetEventFigures")
            .WithSummary("Registrations and attendance by sector for an event your organisation co-runs, small counts suppressed")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/county", CountyAsync).WithName("GetCountyEventFigures")
            .WithSummary("Events held, registrations and attendance across the county by district and sector, small counts suppressed");
        return routes;
    }

    /// <summary>The events the caller's organisation co-runs: its own (a training day) and those staff named it a partner of.</summary>
    public static IQueryable<PartnershipEvent> CoRunBy(this IQueryable<PartnershipEvent> events, ClaimsPrincipal user) =>
        FiguresReaders.OrganisationOf(user) is { } organisation
            ? events.Where(e => e.OrganisationId == organisation || e.PartnerOrganisationIds.Contains(organisation))
            : events;

    private static async Task<Ok<Paged<CoRunEvent>>> ListAsync(ClaimsPrincipal user, EventsDbContext db, PageRequest paging, CancellationToken ct)
    {
        var events = await db.Events.AsNoTracking().CoRunBy(user).OrderByDescending(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new CoRunEvent(e.Id, e.Title, e.StartsAt, e.Status)).ToPagedAsync(paging, ct);
        return TypedResults.Ok(events.Select(e => e with { StartsAt = e.StartsAt.ToLondon() }));
    }

    private static async Task<Results<Ok<EventFigures>, ProblemHttpResult>> GetAsync(Guid eventId, ClaimsPrincipal user, EventsDbContext db, CancellationToken ct)
    {
        // Another organisation's event is not found, the same answer as an unknown id.
        var e = await db.Events.AsNoTracking().CoRunBy(user).FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return RuleProblem.NotFound($"Event {eventId}");

        var counts = await db.Registrations.Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed)
            .GroupBy(r => r.Sector)
            .Select(g => new { Sector = g.Key, Registered = g.Count(), Attended = g.Count(r => r.CheckedInAt != null) })
            .ToListAsync(ct);
        var sectors = Enum.GetValues<Sector>();
        return TypedResults.Ok(new EventFigures(e.Id, e.Title, e.StartsAt.ToLondon(), e.Venue.District, e.Status,
            SmallCells.Suppress(sectors.Select(s => (EnumSpelling.Of(s), counts.FirstOrDefault(c => c.Sector == s)?.Registered ?? 0)).ToList()),
            SmallCells.Suppress(sectors.Select(s => (EnumSpelling.Of(s), counts.FirstOrDefault(c => c.Sector == s)?.Attended ?? 0)).ToList())));
    }

    private static async Task<Results<Ok<CountyEventFigures>, ValidationProblem>> CountyAsync(
        EventsDbContext db, Districts districts, TimeProvider time,
        [Description("Events starting at or after this instant (default: a year before now)")] DateTimeOffset? from,
        [Description("Events starting before this instant (default: now)")] DateTimeOffset? to,
        CancellationToken ct)
    {
        var end = (to ?? time.GetUtcNow()).ToUniversalTime();
        // A period asked to end in year 1 has no year before it to default to.
        var start = (from ?? (end - DateTimeOffset.MinValue > DefaultPeriod ? end - DefaultPeriod : DateTimeOffset.MinValue)).ToUniversalTime();
        var errors = new ValidationErrors().AddIf(start > end, "to", "The end of the period must not be before its start.");
        if (errors.Any) return errors.ToProblem();

        var held = db.Events.Where(e => (e.Status == EventStatus.Published || e.Status == EventStatus.Closed) && e.StartsAt >= start && e.StartsAt < end);
        var events = await held.GroupBy(e => e.Venue.District).Select(g => new { District = g.Key, Count = g.Count() }).ToListAsync(ct);
        var people = await db.Registrations
            .Where(r => r.Status == RegistrationStatus.Confirmed)
            .Join(held, r => r.EventId, e => e.Id, (r, e) => new { e.Venue.District, r.Sector, r.CheckedInAt })
            .GroupBy(x => new { x.District, x.Sector })
            .Select(g => new { g.Key.District, g.Key.Sector, Registered = g.Count(), Attended = g.Count(x => x.CheckedInAt != null) })
            .ToListAsync(ct);

        // Every district on the list (and any other an older event was stored with), every sector: a missing row would
        // say as much as a small count.
        var districtNames = districts.Names.Concat(events.Select(e => e.District)).Concat(people.Select(p => p.District))
            .Distinct(StringComparer.Ordinal).ToList();
        var sectors = Enum.GetValues<Sector>();
        Breakdown By<TKey>(IEnumerable<TKey> keys, Func<TKey, string> name, Func<TKey, int> count) =>
            SmallCells.Suppress(keys.Select(k => (name(k), count(k))).ToList());

        return TypedResults.Ok(new CountyEventFigures(start, end, events.Sum(e => e.Count),
            districtNames.Select(d => Cell.Shown(d, events.Where(e => e.District == d).Sum(e => e.Count))).ToList(),
            By(districtNames, d => d, d => people.Where(p => p.District == d).Sum(p => p.Registered)),
            By(sectors, EnumSpelling.Of, s => people.Where(p => p.Sector == s).Sum(p => p.Registered)),
            By(districtNames, d => d, d => people.Where(p => p.District == d).Sum(p => p.Attended)),
            By(sectors, EnumSpelling.Of, s => people.Where(p => p.Sector == s).Sum(p => p.Attended))));
    }
}
