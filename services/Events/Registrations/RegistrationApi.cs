using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Events.Catalogue;
using Platform.Events.CheckIn;
using Platform.Events.Infrastructure;
using Platform.Messaging;
using Platform.ServiceDefaults.Problems;

namespace Platform.Events.Registrations;

/// <summary>Public registration: no account, capacity enforced by PostgreSQL, Idempotency-Key for safe retries.</summary>
public static class RegistrationApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapRegistrationApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/events/{eventId:guid}/registrations").WithTags("Registration")
            .MapPost("/", RegisterAsync)
            .WithSummary("Register for a published event, with workshop choices")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithDescription("A full workshop puts that choice on its waitlist while the delegate's other choices stand. " +
                             "Send an Idempotency-Key header so a retried request creates one registration.");
        return routes;
    }

    private static async Task<Results<Created<RegistrationCreated>, Ok<RegistrationCreated>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        Guid eventId,
        RegistrationRequest request,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        EventsDbContext db,
        IIntegrationEventOutbox outbox,
        TimeProvider time,
        IOptions<EventsOptions> options,
        CancellationToken ct)
    {
        var errors = request.Validate();
        errors.AddIf(idempotencyKey is not null && (idempotencyKey.Trim().Length is 0 or > Limits.IdempotencyKey),
            IdempotencyHeader, $"The {IdempotencyHeader} header must be 1 to {Limits.IdempotencyKey} characters.");
        if (errors.Any) return errors.ToProblem();

        var fingerprint = request.Fingerprint(eventId);
        if (idempotencyKey is not null && await ReplayAsync(db, idempotencyKey, fingerprint, ct) is { } replay) return replay;

        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null || e.Status == EventStatus.Draft) return RuleProblem.NotFound($"Event {eventId}");
        if (e.Status != EventStatus.Published)
            return RuleProblem.Conflict("event-status", $"The event is {e.Status}; it takes no registrations.");
        var now = time.GetUtcNow();
        if (now < e.RegistrationOpensAt || now >= e.RegistrationClosesAt)
            return RuleProblem.Conflict("registration-window",
                $"Registration is open from {e.RegistrationOpensAt.ToLondon():f} to {e.RegistrationClosesAt.ToLondon():f} (UK time).");
        var choices = request.Choices ?? [];
        if (ChoiceRules.Check(e, choices) is { } violation) return RuleProblem.Unprocessable(violation.Rule, violation.Detail);

        var token = ManageToken.Create();
        var registration = request.ToRegistration(eventId, ManageToken.Hash(token), e.EndsAt, CheckInCode.Create(), now);

        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var waitlisted = new List<Session>();
            foreach (var sessionId in choices.Order())
            {
                var confirmed = await Places.TryTakeSessionPlaceAsync(db, sessionId, ct);
                registration.Choices.Add(new WorkshopChoice
                {
                    RegistrationId = registration.Id,
                    SessionId = sessionId,
                    Status = confirmed ? ChoiceStatus.Confirmed : ChoiceStatus.Waitlisted,
                    QueuedAt = now,
                });
                if (!confirmed) waitlisted.Add(e.Sessions.First(s => s.Id == sessionId));
            }

            db.Registrations.Add(registration);
            if (idempotencyKey is not null)
                db.IdempotencyRecords.Add(new IdempotencyRecord { Key = idempotencyKey, Fingerprint = fingerprint, RegistrationId = registration.Id, CreatedAt = now });
            outbox.Add(RegistrationMessages.Confirmed(e, registration, token, options.Value.CalendarDomain, now));
            foreach (var session in waitlisted)
            {
                var ahead = await db.Choices.CountAsync(c => c.SessionId == session.Id && c.Status == ChoiceStatus.Waitlisted, ct);
                outbox.Add(RegistrationMessages.Waitlisted(e, registration, session, ahead + 1, now));
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (ex.IsUniqueViolation())
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                // The same key committed first in a concurrent request: answer as that request did.
                if (idempotencyKey is not null && await ReplayAsync(db, idempotencyKey, fingerprint, ct) is { } raced) return raced;
                return RuleProblem.Conflict("retry", "The registration clashed with another being made at the same moment; send it again.");
            }

            // Last, just before commit: every registration for this event queues on the event's row, so the lock is
            // held for one statement and the commit instead of the whole request. Fails when the event is full or
            // stopped being Published since it was read above; then nothing of this registration is kept.
            if (!await Places.TryTakeEventPlaceAsync(db, eventId, ct))
            {
                await tx.RollbackAsync(CancellationToken.None);
                return RuleProblem.Conflict("event-full", $"All {e.Capacity} places at the event are taken, or it no longer takes registrations.");
            }

            await tx.CommitAsync(ct);
        }

        var view = registration.ToView(e);
        return TypedResults.Created($"/api/events/registrations/{token}", new RegistrationCreated(view, token, Replayed: false));
    }

    private static async Task<Results<Created<RegistrationCreated>, Ok<RegistrationCreated>, ValidationProblem, ProblemHttpResult>?> ReplayAsync(
        EventsDbContext db, string key, string fingerprint, CancellationToken ct)
    {
        var record = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct);
        if (record is null) return null;
        if (record.Fingerprint != fingerprint)
            return RuleProblem.Unprocessable("idempotency-key-reused", $"This {IdempotencyHeader} was already used for a different registration.");
        var registration = await db.Registrations.AsNoTracking().Include(r => r.Choices).FirstAsync(r => r.Id == record.RegistrationId, ct);
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstAsync(x => x.Id == registration.EventId, ct);
        return TypedResults.Ok(new RegistrationCreated(registration.ToView(e), null, Replayed: true));
    }
}
