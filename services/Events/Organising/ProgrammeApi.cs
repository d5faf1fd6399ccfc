using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Events.Catalogue;
using Platform.Events.ChangeNotices;
using Platform.Events.Infrastructure;
using Platform.ServiceDefaults.Identity;

namespace Platform.Events.Organising;

/// <summary>Staff edit an event's programme: keynotes, workshops, talks, stands, breaks.</summary>
public static class ProgrammeApi
{
    public static IEndpointRouteBuilder MapProgrammeApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/events/{eventId:guid}/sessions").WithTags("Organising")
            .RequireEventOrganiser()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesAuthorizationFailures();

        group.MapPost("/", AddAsync).WithName("AddSession").WithSummary("Add a session to the programme");
        group.MapPut("/{sessionId:guid}", UpdateAsync).WithName("UpdateSession").WithSummary("Replace a session's details");
        group.MapDelete("/{sessionId:guid}", DeleteAsync).WithName("RemoveSession").WithSummary("Remove a session nobody has chosen");
        group.MapPost("/{sessionId:guid}/withdraw", WorkshopWithdrawal.WithdrawAsync).WithName("WithdrawWorkshop")
            .WithSummary("Withdraw a workshop from a published event: its places and waitlist end and its delegates are told")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return routes;
    }

    private static async Task<Results<Created<SessionView>, ValidationProblem, ProblemHttpResult>> AddAsync(
        Guid eventId, SessionRequest request, EventsDbContext db, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return RuleProblem.NotFound($"Event {eventId}");
        if (e.Status is EventStatus.Closed or EventStatus.Cancelled)
            return RuleProblem.Conflict("event-status", $"A {e.Status} event's programme can no longer be edited.");
        var errors = request.Validate(e);
        if (errors.Any) return errors.ToProblem();

        var session = new Session { EventId = eventId, Title = "" };
        request.ApplyTo(session);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/events/{eventId}/sessions/{session.Id}", session.ToView());
    }

    private static async Task<Results<Ok<SessionView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid eventId, Guid sessionId, SessionRequest request, EventsDbContext db, ScheduleChanges scheduleChanges, CancellationToken ct)
    {
        var e = await db.Events.Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == eventId, ct);
        var session = e?.Sessions.FirstOrDefault(s => s.Id == sessionId);
        if (e is null || session is null) return RuleProblem.NotFound($"Session {sessionId} of event {eventId}");
        if (e.Status is EventStatus.Closed or EventStatus.Cancelled)
            return RuleProblem.Conflict("event-status", $"A {e.Status} event's programme can no longer be edited.");
        if (session.WithdrawnAt is not null)
            return RuleProblem.Conflict("already-withdrawn", "A withdrawn workshop can no longer be edited.");
        var errors = request.Validate(e);
        if (errors.Any) return errors.ToProblem();

        var chosen = await db.Choices.AnyAsync(c => c.SessionId == sessionId, ct);
        if (chosen && request.Kind != session.Kind)
            return RuleProblem.Conflict("session-has-choices", "Delegates have chosen this session, so its kind cannot change.");
        if (request.Capacity is { } capacity && capacity < session.PlacesTaken)
            return RuleProblem.Conflict("capacity-below-registrations",
                $"The capacity cannot go below the {session.PlacesTaken} places already taken.");
        if (request.Capacity is null && chosen)
            return RuleProblem.Conflict("session-has-choices", "Delegates have chosen this session, so it must keep a capacity.");

        var day = ScheduleSnapshot.Of(e);
        request.ApplyTo(session);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await scheduleChanges.NoteAsync(e, day, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsCheckViolation())
        {
            return RuleProblem.Conflict("capacity-below-registrations", "The capacity cannot go below the places already taken.");
        }
        return TypedResults.Ok(session.ToView());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid eventId, Guid sessionId, EventsDbContext db, CancellationToken ct)
    {
        if (await db.Choices.AnyAsync(c => c.SessionId == sessionId, ct))
            return RuleProblem.Conflict("session-has-choices", "Delegates have chosen this session; it cannot be removed.");
        var deleted = await db.Sessions.Where(s => s.Id == sessionId && s.EventId == eventId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? RuleProblem.NotFound($"Session {sessionId} of event {eventId}") : TypedResults.NoContent();
    }
}
