using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Events.Catalogue;
using Platform.Events.CheckIn;
using Platform.Events.Infrastructure;
using Platform.Messaging;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Secrets;

namespace Platform.Events.Registrations;

/// <summary>Public registration: no account, capacity enforced by PostgreSQL in one round trip, Idempotency-Key for safe retries.</summary>
public static class RegistrationApi
{
    /// <summary>What registering needs from the host, bound as one parameter.</summary>
    public readonly record struct RegistrationServices(
        EventsDbContext Db, IIntegrationEventOutbox Outbox, OutboxSignal OutboxSignal, TimeProvider Time, IOptions<EventsOptions> Options);

    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapRegistrationApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/events/{eventId:guid}/registrations").WithTags("Registration")
            .MapPost("/", RegisterAsync)
            .WithName("Register").WithSummary("Register for a published event, with workshop choices")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithDescription("A full workshop, or one with delegates already waiting for a place, puts that choice on its waitlist " +
                             "while the delegate's other choices stand. " +
                             "Send an Idempotency-Key header so a retried request creates one registration. " +
                             "The manage link is sent only to the email address: its places are held until confirmByAt, and opening the link " +
                             "(POST .../confirm) makes them the delegate's; a hold that lapses is cancelled and its places offered to the waitlist.");
        return routes;
    }

    private static async Task<Results<Created<RegistrationCreated>, Ok<RegistrationCreated>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        Guid eventId,
        RegistrationRequest request,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        [AsParameters] RegistrationServices services,
        CancellationToken ct)
    {
        var (db, outbox, outboxSignal, time, options) = services;
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
        if (await OneActiveRegistration.ExistsAsync(db, eventId, request.Email!, ct)) return await RepeatAsync(db, idempotencyKey, fingerprint, ct);

        var token = BearerSecret.Create();
        var tokenHash = BearerSecret.Hash(token);
        for (var attempt = 1; ; attempt++)
        {
            // Which choices get a place is decided from a read of the workshops and written with the registration in
            // one round trip that starts by claiming the places (PlaceClaim); if the read is out of date by then, the
            // write rolls back and is made again from a fresh read.
            var workshops = await WorkshopFillAsync(db, choices, ct);
            // Staff may remove a workshop nobody had chosen between the checks above and this read.
            foreach (var removed in choices.Where(id => !workshops.ContainsKey(id)))
                return RuleProblem.Unprocessable("choices-unknown-workshop", $"{removed} is not a workshop of this event.");
            var registration = request.ToRegistration(eventId, tokenHash, e.EndsAt, CheckInCode.Create(), now);
            registration.HoldExpiresAt = ConfirmationHold.ExpiresAt(now, e.StartsAt, options.Value);
            var confirmed = new List<Guid>();
            var waitlisted = new List<Guid>();
            db.ChangeTracker.Clear();
            foreach (var sessionId in choices.Order())
            {
                var fill = workshops[sessionId];
                var hasRoom = (fill.Capacity is null || fill.PlacesTaken < fill.Capacity) && fill.Waiting == 0;
                (hasRoom ? confirmed : waitlisted).Add(sessionId);
                registration.Choices.Add(new WorkshopChoice
                {
                    RegistrationId = registration.Id,
                    SessionId = sessionId,
                    Status = hasRoom ? ChoiceStatus.Confirmed : ChoiceStatus.Waitlisted,
                    QueuedAt = now,
                });
            }

            db.Registrations.Add(registration);
            if (idempotencyKey is not null)
                db.IdempotencyRecords.Add(new IdempotencyRecord { Key = idempotencyKey, Fingerprint = fingerprint, RegistrationId = registration.Id, CreatedAt = now });
            outbox.Add(RegistrationMessages.Confirmed(e, registration, token, options.Value.CalendarDomain, now));
            foreach (var sessionId in waitlisted)
                outbox.Add(RegistrationMessages.Waitlisted(e, registration, e.Sessions.First(s => s.Id == sessionId), workshops[sessionId].Waiting + 1, now));

            try
            {
                await SingleRoundTrip.WriteAsync(db, [PlaceClaim.Command(eventId, registration.Id, confirmed, waitlisted)], ct);
            }
            catch (PostgresException ex) when (ex.SqlState == PlaceClaim.EventFullOrClosed)
            {
                return RuleProblem.Conflict("event-full", $"All {e.Capacity} places at the event are taken, or it no longer takes registrations.");
            }
            catch (PostgresException ex) when (OneActiveRegistration.IsViolation(ex))
            {
                // The whole batch rolled back, place claim included.
                db.ChangeTracker.Clear();
                return await RepeatAsync(db, idempotencyKey, fingerprint, ct);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == IdempotencyKeyConstraint)
            {
                db.ChangeTracker.Clear();
                // The same key committed first in a concurrent request: answer as that request did.
                if (await ReplayAsync(db, idempotencyKey!, fingerprint, ct) is { } raced) return raced;
                continue;
            }
            catch (PostgresException ex) when (IsWorthRetrying(ex) && attempt < MaxAttempts)
            {
                continue;
            }
            catch (PostgresException ex) when (IsWorthRetrying(ex))
            {
                return RuleProblem.Conflict("retry", "The registration clashed with others being made at the same moment; send it again.");
            }

            outboxSignal.Nudge();
            var view = registration.ToView(e);
            // No Location and no token: the manage link goes only to the address, which is how the delegate proves it is theirs.
            return TypedResults.Created((string?)null, new RegistrationCreated(view, Replayed: false));
        }
    }

    // Enough for a workshop filling (or a place freeing) between the read and the write several times over.
    private const int MaxAttempts = 8;
    private const string IdempotencyKeyConstraint = "PK_idempotency_record";

    /// <summary>An out-of-date guess, a deadlock with a staff change, or a clash of check-in codes: fresh read, new try.</summary>
    private static bool IsWorthRetrying(PostgresException ex) =>
        ex.SqlState is PlaceClaim.OutcomeOutOfDate or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation;

    private sealed record WorkshopFill(int? Capacity, int PlacesTaken, int Waiting);

    private static async Task<Dictionary<Guid, WorkshopFill>> WorkshopFillAsync(EventsDbContext db, IReadOnlyCollection<Guid> choices, CancellationToken ct)
    {
        if (choices.Count == 0) return [];
        return await db.Sessions.AsNoTracking()
            .Where(s => choices.Contains(s.Id))
            .Select(s => new
            {
                s.Id,
                Fill = new WorkshopFill(s.Capacity, s.PlacesTaken, db.Choices.Count(c => c.SessionId == s.Id && c.Status == ChoiceStatus.Waitlisted)),
            })
            .ToDictionaryAsync(x => x.Id, x => x.Fill, ct);
    }

    /// <summary>The address already holds a registration: a retry of the request that made it (same key and body) is replayed; anything else is 409.</summary>
    private static async Task<Results<Created<RegistrationCreated>, Ok<RegistrationCreated>, ValidationProblem, ProblemHttpResult>> RepeatAsync(
        EventsDbContext db, string? key, string fingerprint, CancellationToken ct)
    {
        if (key is not null && await ReplayAsync(db, key, fingerprint, ct) is { } replay) return replay;
        return RuleProblem.Conflict(OneActiveRegistration.Rule, OneActiveRegistration.Refusal);
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
        return TypedResults.Ok(new RegistrationCreated(registration.ToView(e), Replayed: true));
    }
}
