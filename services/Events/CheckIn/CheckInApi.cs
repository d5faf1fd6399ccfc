using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Events.Infrastructure;
using Platform.Events.Organising;
using Platform.Events.Registrations;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Problems;

namespace Platform.Events.CheckIn;

public sealed record CheckInRequest(string? Code);

/// <summary>Who was checked in; <see cref="ConsentToPhotography"/> false tells the desk to mark them for the photographer.</summary>
public sealed record CheckInResult(
    Guid RegistrationId, string Name, string Organisation, DateTimeOffset CheckedInAt, bool AlreadyCheckedIn, bool ConsentToPhotography);

/// <summary>Staff at the door (and at each session) scan or type a delegate's code.</summary>
public static class CheckInApi
{
    public static IEndpointRouteBuilder MapCheckInApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events/{eventId:guid}").WithTags("Check-in").RequireEventOrganiser()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesAuthorizationFailures();

        group.MapPost("/check-ins", CheckInAtEventAsync).WithName("CheckInAtEvent").WithSummary("Check a delegate in at the event");
        group.MapPost("/sessions/{sessionId:guid}/check-ins", CheckInAtSessionAsync).WithName("CheckInAtSession").WithSummary("Check a delegate in at one session");
        group.MapGet("/attendance", AttendanceAsync).WithName("GetAttendance").WithSummary("Registered, checked in and per-session attendance");

        return routes;
    }

    private static async Task<Results<Ok<CheckInResult>, ValidationProblem, ProblemHttpResult>> CheckInAtEventAsync(
        Guid eventId, CheckInRequest request, EventsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var code = CheckInCode.Normalise(request.Code);
        if (code.Length != CheckInCode.Length) return ValidationErrors.For("code", $"A check-in code has {CheckInCode.Length} characters.");

        var now = time.GetUtcNow();
        // Only the first scan sets the time, so a second scan reports "already checked in" instead of moving it.
        var updated = await db.Registrations
            .Where(r => r.EventId == eventId && r.CheckInCode == code && r.Status == RegistrationStatus.Confirmed && r.CheckedInAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInAt, now), ct);
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.EventId == eventId && r.CheckInCode == code, ct);
        if (registration is null) return RuleProblem.NotFound($"Check-in code {code} at event {eventId}");
        if (registration.Status == RegistrationStatus.Cancelled)
            return RuleProblem.Conflict("registration-cancelled", "This registration was cancelled.");
        return TypedResults.Ok(new CheckInResult(registration.Id, registration.Name, registration.Organisation,
            registration.CheckedInAt!.Value.ToLondon(), AlreadyCheckedIn: updated == 0, registration.ConsentToPhotography));
    }

    private static async Task<Results<Ok<CheckInResult>, ValidationProblem, ProblemHttpResult>> CheckInAtSessionAsync(
        Guid eventId, Guid sessionId, CheckInRequest request, EventsDbContext db, TimeProvider time, CancellationToken ct)
    {
        var code = CheckInCode.Normalise(request.Code);
        if (code.Length != CheckInCode.Length) return ValidationErrors.For("code", $"A check-in code has {CheckInCode.Length} characters.");

        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.EventId == eventId, ct);
        if (session is null) return RuleProblem.NotFound($"Session {sessionId} of event {eventId}");
        var registration = await db.Registrations.AsNoTracking().Include(r => r.Choices)
            .FirstOrDefaultAsync(r => r.EventId == eventId && r.CheckInCode == code, ct);
        if (registration is null) return RuleProblem.NotFound($"Check-in code {code} at event {eventId}");
        if (registration.Status == RegistrationStatus.Cancelled)
            return RuleProblem.Conflict("registration-cancelled", "This registration was cancelled.");
        if (session.IsChoosable && !registration.Choices.Any(c => c.SessionId == sessionId && c.Status == ChoiceStatus.Confirmed))
            return RuleProblem.Conflict("not-booked", $"{registration.Name} has no confirmed place in '{session.Title}'.");

        var now = time.GetUtcNow();
        var inserted = await db.Database.ExecuteSqlAsync(
            $"INSERT INTO session_attendance (session_id, registration_id, checked_in_at) VALUES ({sessionId}, {registration.Id}, {now}) ON CONFLICT DO NOTHING", ct);
        var at = inserted == 1 ? now
            : await db.Attendances.Where(a => a.SessionId == sessionId && a.RegistrationId == registration.Id).Select(a => a.CheckedInAt).FirstAsync(ct);
        return TypedResults.Ok(new CheckInResult(registration.Id, registration.Name, registration.Organisation, at.ToLondon(), inserted == 0,
            registration.ConsentToPhotography));
    }

    private static async Task<Results<Ok<AttendanceFigures>, ProblemHttpResult>> AttendanceAsync(Guid eventId, EventsDbContext db, CancellationToken ct) =>
        await AttendanceReport.ReadAsync(eventId, db, ct) is { } figures ? TypedResults.Ok(figures) : RuleProblem.NotFound($"Event {eventId}");
}
