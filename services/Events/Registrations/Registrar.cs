using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Events.Catalogue;
using Platform.Events.CheckIn;
using Platform.Events.Infrastructure;
using Platform.Messaging;
using Platform.ServiceDefaults.Secrets;

namespace Platform.Events.Registrations;

/// <summary>
/// Writes one registration: which workshop choices get a place is decided from a read of the workshops and written with
/// the registration in one round trip that starts by claiming the places (<see cref="PlaceClaim"/>); if the read is out
/// of date by then, the write rolls back and is made again from a fresh read. Used for a new registration and for a
/// promotion from an event's waitlist, whose own bookkeeping rides in the same round trip (<c>alsoWrite</c>).
/// </summary>
public sealed class Registrar(EventsDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, IOptions<EventsOptions> options)
{
    public abstract record Outcome
    {
        public sealed record Written(Registration Registration) : Outcome;

        /// <summary>The event is full, or no longer takes registrations (<see cref="PlaceClaim.EventFullOrClosed"/>).</summary>
        public sealed record EventFull : Outcome;

        /// <summary>The address already holds a registration (<see cref="OneActiveRegistration"/>); nothing was written.</summary>
        public sealed record AlreadyRegistered : Outcome;

        /// <summary>The same Idempotency-Key committed first in a concurrent request; nothing was written.</summary>
        public sealed record KeyTaken : Outcome;

        /// <summary>Staff removed a chosen workshop between the caller's checks and this write.</summary>
        public sealed record UnknownWorkshop(Guid SessionId) : Outcome;

        /// <summary>Clashed with other registrations every time it was tried.</summary>
        public sealed record Clashed : Outcome;
    }

    /// <summary>Enough for a workshop filling (or a place freeing) between the read and the write several times over.</summary>
    private const int MaxAttempts = 8;

    private const string IdempotencyKeyConstraint = "PK_idempotency_record";

    /// <param name="key">The Idempotency-Key and the request's fingerprint, recorded with the registration.</param>
    /// <param name="alsoWrite">Statements for the same round trip, after the place claim, given the new registration's id.</param>
    public async Task<Outcome> WriteAsync(
        PartnershipEvent e, RegistrationRequest request, Guid? invitationId, (string Key, string Fingerprint)? key,
        Func<Guid, IEnumerable<NpgsqlBatchCommand>>? alsoWrite, CancellationToken ct)
    {
        var choices = request.Choices ?? [];
        var token = BearerSecret.Create();
        var tokenHash = BearerSecret.Hash(token);
        var now = time.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var workshops = await WorkshopFillAsync(choices, ct);
            foreach (var removed in choices.Where(id => !workshops.ContainsKey(id)))
                return new Outcome.UnknownWorkshop(removed);
            var registration = request.ToRegistration(e.Id, tokenHash, e.EndsAt, CheckInCode.Create(), now);
            registration.HoldExpiresAt = ConfirmationHold.ExpiresAt(now, e.StartsAt, options.Value);
            registration.InvitationId = invitationId;
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
            if (key is var (idempotencyKey, fingerprint))
                db.IdempotencyRecords.Add(new IdempotencyRecord { Key = idempotencyKey, Fingerprint = fingerprint, RegistrationId = registration.Id, CreatedAt = now });
            outbox.Add(RegistrationMessages.Confirmed(e, registration, token, options.Value.CalendarDomain, now));
            foreach (var sessionId in waitlisted)
                outbox.Add(RegistrationMessages.Waitlisted(e, registration, e.Sessions.First(s => s.Id == sessionId), workshops[sessionId].Waiting + 1, now));

            try
            {
                await SingleRoundTrip.WriteAsync(db,
                    [PlaceClaim.Command(e.Id, registration.Id, confirmed, waitlisted), .. alsoWrite?.Invoke(registration.Id) ?? []], ct);
                return new Outcome.Written(registration);
            }
            catch (PostgresException ex) when (ex.SqlState == PlaceClaim.EventFullOrClosed)
            {
                db.ChangeTracker.Clear();
                return new Outcome.EventFull();
            }
            catch (PostgresException ex) when (OneActiveRegistration.IsViolation(ex))
            {
                // The whole batch rolled back, place claim included.
                db.ChangeTracker.Clear();
                return new Outcome.AlreadyRegistered();
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation && ex.ConstraintName == IdempotencyKeyConstraint)
            {
                db.ChangeTracker.Clear();
                return new Outcome.KeyTaken();
            }
            catch (PostgresException ex) when (IsWorthRetrying(ex) && attempt < MaxAttempts)
            {
                continue;
            }
            catch (PostgresException ex) when (IsWorthRetrying(ex))
            {
                db.ChangeTracker.Clear();
                return new Outcome.Clashed();
            }
        }
    }

    /// <summary>An out-of-date guess, a deadlock with a staff change, or a clash of check-in codes: fresh read, new try.</summary>
    private static bool IsWorthRetrying(PostgresException ex) =>
        ex.SqlState is PlaceClaim.OutcomeOutOfDate or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.UniqueViolation;

    private sealed record WorkshopFill(int? Capacity, int PlacesTaken, int Waiting);

    private async Task<Dictionary<Guid, WorkshopFill>> WorkshopFillAsync(IReadOnlyCollection<Guid> choices, CancellationToken ct)
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
}
