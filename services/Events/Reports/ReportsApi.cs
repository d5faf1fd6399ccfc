using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Events.Infrastructure;
using Platform.Events.Organising;
using Platform.Events.Registrations;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Serialization;

namespace Platform.Events.Reports;

public sealed record CountBy(string Key, int Count);

public sealed record WorkshopFill(Guid SessionId, string Title, int Capacity, int PlacesTaken, int Confirmed, int Offered, int Waitlisted);

/// <summary>One day (UK time) of registrations: made and cancelled that day, and still registered at its end.</summary>
public sealed record RegistrationDay(DateOnly Date, int Registered, int Cancelled, int Total);

public sealed record RegistrationReport(
    Guid EventId, string Title, int Capacity, int Registered, int Cancelled, int CheckedIn,
    IReadOnlyList<CountBy> BySector, IReadOnlyList<CountBy> ByOrganisation, IReadOnlyList<WorkshopFill> Workshops,
    IReadOnlyList<RegistrationDay> ByDay, NeedsReport Needs);

/// <summary>Organisers' reports: the breadth of sectors and organisations, workshop fill and waitlists, needs by kind, and a CSV of delegates.</summary>
public static class ReportsApi
{
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events/{eventId:guid}/reports").WithTags("Reports").RequireEventOrganiser()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesAuthorizationFailures();

        group.MapGet("/registrations", GetAsync).WithName("GetRegistrationReport").WithSummary("Registrations by sector and organisation, workshop fill and waitlist lengths");
        group.MapGet("/registrations.csv", CsvAsync).WithName("GetRegistrationsCsv").WithSummary("Every registration as CSV")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        return routes;
    }

    private static async Task<Results<Ok<RegistrationReport>, ProblemHttpResult>> GetAsync(Guid eventId, EventsDbContext db, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return RuleProblem.NotFound($"Event {eventId}");

        var active = db.Registrations.Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed);
        var bySector = await active.GroupBy(r => r.Sector).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byOrganisation = (await active.GroupBy(r => r.Organisation).Select(g => new { g.Key, Count = g.Count() })
                .OrderByDescending(x => x.Count).ThenBy(x => x.Key).ToListAsync(ct))
            .Select(x => new CountBy(x.Key, x.Count)).ToList();
        var cancelled = await db.Registrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Cancelled, ct);
        var checkedIn = await active.CountAsync(r => r.CheckedInAt != null, ct);
        var choices = await db.Choices.Where(c => active.Any(r => r.Id == c.RegistrationId))
            .GroupBy(c => new { c.SessionId, c.Status }).Select(g => new { g.Key.SessionId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);

        int Count(Guid sessionId, ChoiceStatus status) => choices.FirstOrDefault(c => c.SessionId == sessionId && c.Status == status)?.Count ?? 0;

        var workshops = e.Sessions.Where(s => s.IsChoosable).OrderBy(s => s.StartsAt).ThenBy(s => s.Title)
            .Select(s => new WorkshopFill(s.Id, s.Title, s.Capacity ?? 0, s.PlacesTaken,
                Count(s.Id, ChoiceStatus.Confirmed), Count(s.Id, ChoiceStatus.Offered), Count(s.Id, ChoiceStatus.Waitlisted)))
            .ToList();
        // Every sector is listed, with zeros, so the office sees which sectors are missing as well as which came.
        var sectors = Enum.GetValues<Sector>()
            .Select(s => new CountBy(EnumSpelling.Of(s), bySector.FirstOrDefault(x => x.Key == s)?.Count ?? 0)).ToList();

        var times = await db.Registrations.Where(r => r.EventId == eventId).Select(r => new { r.CreatedAt, r.CancelledAt }).ToListAsync(ct);
        var byDay = RegistrationDays.From(times.Select(t => (t.CreatedAt, t.CancelledAt)));

        // Read whole: one event's registrations (its capacity at most), and the kinds are arrays counted here.
        var needs = await active.AsNoTracking()
            .Select(r => new Registration
            {
                Name = "", Email = "", ManageTokenHash = Array.Empty<byte>(), CheckInCode = "",
                AccessNeedKinds = r.AccessNeedKinds, AccessibilityNeeds = r.AccessibilityNeeds,
                DietaryRequirementKinds = r.DietaryRequirementKinds, DietaryNeeds = r.DietaryNeeds,
            })
            .ToListAsync(ct);

        return TypedResults.Ok(new RegistrationReport(e.Id, e.Title, e.Capacity, bySector.Sum(x => x.Count), cancelled, checkedIn,
            sectors, byOrganisation, workshops, byDay, NeedsByKind.Count(needs)));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CsvAsync(Guid eventId, EventsDbContext db, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return RuleProblem.NotFound($"Event {eventId}");
        var registrations = await db.Registrations.AsNoTracking().Include(r => r.Choices)
            .Where(r => r.EventId == eventId).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(ct);
        return TypedResults.File(DelegateCsv.Create(e, registrations), "text/csv; charset=utf-8", $"registrations-{eventId:N}.csv");
    }
}
