using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Events.Infrastructure;
using Platform.Events.Organising;
using Platform.Events.Registrations;
using Platform.Events.Waitlists;
using Platform.Messaging;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Text;

namespace Platform.Events.Managing;

public sealed record StaffCancellationRequest([MultiLineText] string? Reason);

/// <summary>
/// Staff remove any registration (a fake, a duplicate under another address, a delegate who asked by phone). The
/// registration keeps who cancelled it and why, the log records it, and the delegate is emailed as for their own
/// cancellation (RegistrationCancelled).
/// </summary>
public static partial class StaffCancellationApi
{
    /// <summary>What a staff cancellation needs from the host, bound as one parameter.</summary>
    public readonly record struct StaffCancellationServices(
        EventsDbContext Db, RegistrationChanges Changes, IIntegrationEventOutbox Outbox, WaitlistSignal Signal, TimeProvider Time,
        ILoggerFactory Loggers);

    public static IEndpointRouteBuilder MapStaffCancellationApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/events/{eventId:guid}/registrations/{registrationId:guid}/cancel").RequireEventOrganiser()
            .MapPost("/", CancelAsync)
            .WithTags("Organising")
            .WithName("CancelRegistrationAsStaff").WithSummary("Cancel any registration, with the reason (kept with it and logged); the delegate is emailed")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesAuthorizationFailures();
        return routes;
    }

    private static async Task<Results<Ok<RegistrationView>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        Guid eventId, Guid registrationId, StaffCancellationRequest request, ClaimsPrincipal user,
        [AsParameters] StaffCancellationServices services, CancellationToken ct)
    {
        var (db, changes, outbox, signal, time, loggers) = services;
        var errors = new ValidationErrors();
        Text.Required(errors, "reason", request.Reason, Limits.LongText);
        if (errors.Any) return errors.ToProblem();
        if (!await db.Registrations.AnyAsync(r => r.Id == registrationId && r.EventId == eventId, ct))
            return RuleProblem.NotFound($"Registration {registrationId} of event {eventId}");

        var staff = user.GetSubject() ?? "staff";
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var r = await changes.LockAsync(registrationId, ct);
        if (r.Status == RegistrationStatus.Cancelled)
            return RuleProblem.Conflict("registration-cancelled", "This registration is already cancelled.");
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstAsync(x => x.Id == eventId, ct);
        var released = await Cancellation.CancelAsync(db, outbox, r, e, time.GetUtcNow(), staff, request.Reason!.Trim(), ct);
        if (released is null) return RuleProblem.Conflict("retry", "The registration changed while this request was handled; send it again.");
        await tx.CommitAsync(ct);
        // The event's place is freed whatever the workshops: an event waitlist may be waiting for it.
        signal.PlaceFreed();
        LogCancelled(loggers.CreateLogger(typeof(StaffCancellationApi)), staff, r.Id, e.Id, r.CancellationReason!);
        return TypedResults.Ok(r.ToView(e));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: organiser {Staff} cancelled registration {RegistrationId} of event {EventId}: {Reason}")]
    private static partial void LogCancelled(ILogger logger, string staff, Guid registrationId, Guid eventId, string reason);
}
