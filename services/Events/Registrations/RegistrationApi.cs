using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Platform.Events.Audiences;
using Platform.Events.Catalogue;
using Platform.Events.CheckIn;
using Platform.Events.Infrastructure;
using Platform.Events.Waitlists;
using Platform.Messaging;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Secrets;

namespace Platform.Events.Registrations;

/// <summary>Public registration: no account, capacity enforced by PostgreSQL in one round trip, Idempotency-Key for safe retries.</summary>
public static class RegistrationApi
{
    /// <summary>What registering needs from the host, bound as one parameter.</summary>
    public readonly record struct RegistrationServices(EventsDbContext Db, Registrar Registrar, OutboxSignal OutboxSignal, TimeProvider Time);

    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapRegistrationApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/events/{eventId:guid}/registrations").WithTags("Registration")
            .MapPost("/", RegisterAsync)
            .WithName("Register").WithSummary("Register for a published event, with workshop choices")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithDescription("A restricted event takes addresses at its allowed domains (or with its invitation code), an invitation-only " +
                             "event its invitees with their personal code and own address: anyone else is refused (422) before any place is taken. " +
                             "A full event that keeps a waitlist answers 202 with the place in its queue; the registration is made as sent when a " +
                             "place frees (the confirmation email then carries the manage link). " +
                             "A full workshop, or one with delegates already waiting for a place, puts that choice on its waitlist " +
                             "while the delegate's other choices stand. " +
                             "Send an Idempotency-Key header so a retried request creates one registration. " +
                             "The manage link is sent only to the email address: its places are held until confirmByAt, and opening the link " +
                             "(POST .../confirm) makes them the delegate's; a hold that lapses is cancelled and its places offered to the waitlist.");
        return routes;
    }

    private static async Task<Results<Created<RegistrationCreated>, Ok<RegistrationCreated>, Accepted<EventWaitlistPlace>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        Guid eventId,
        RegistrationRequest request,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        [AsParameters] RegistrationServices services,
        CancellationToken ct)
    {
        var (db, registrar, outboxSignal, time) = services;
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
        // Who may come is judged before anything is written, so a refused address takes no place, not even for a moment.
        var invitation = e.Audience == Audience.InvitationOnly ? await InvitationsApi.FindAsync(db, eventId, request.InvitationCode, ct) : null;
        if (AudienceRule.Check(e, request.Email!, request.InvitationCode, invitation) is { } refused)
            return RuleProblem.Unprocessable(refused.Rule, refused.Detail);
        var choices = request.Choices ?? [];
        if (ChoiceRules.Check(e, choices) is { } violation) return RuleProblem.Unprocessable(violation.Rule, violation.Detail);
        if (await OneActiveRegistration.ExistsAsync(db, eventId, request.Email!, ct)) return await RepeatAsync(db, idempotencyKey, fingerprint, ct);
        if (e.WaitlistWhenFull && (e.PlacesTaken >= e.Capacity || await EventWaitlist.AnyoneWaitingAsync(db, eventId, ct)))
            return TypedResults.Accepted((string?)null, await EventWaitlist.JoinAsync(db, eventId, request, invitation?.Id, now, ct));

        var key = idempotencyKey is null ? ((string, string)?)null : (idempotencyKey, fingerprint);
        switch (await registrar.WriteAsync(e, request, invitation?.Id, key, alsoWrite: null, ct))
        {
            case Registrar.Outcome.Written written:
                outboxSignal.Nudge();
                // No Location and no token: the manage link goes only to the address, which is how the delegate proves it is theirs.
                return TypedResults.Created((string?)null, new RegistrationCreated(written.Registration.ToView(e), Replayed: false));
            // Filled between the read and the write; a close meanwhile also ends here, and is no reason to wait.
            case Registrar.Outcome.EventFull when e.WaitlistWhenFull
                                                 && await db.Events.AnyAsync(x => x.Id == eventId && x.Status == EventStatus.Published, ct):
                return TypedResults.Accepted((string?)null, await EventWaitlist.JoinAsync(db, eventId, request, invitation?.Id, now, ct));
            case Registrar.Outcome.EventFull:
                return RuleProblem.Conflict("event-full", $"All {e.Capacity} places at the event are taken, or it no longer takes registrations.");
            case Registrar.Outcome.AlreadyRegistered:
                return await RepeatAsync(db, idempotencyKey, fingerprint, ct);
            // The same key committed first in a concurrent request: answer as that request did.
            case Registrar.Outcome.KeyTaken when await ReplayAsync(db, idempotencyKey!, fingerprint, ct) is { } raced:
                return raced;
            case Registrar.Outcome.UnknownWorkshop unknown:
                // Staff may remove a workshop nobody had chosen between the checks above and the write.
                return RuleProblem.Unprocessable("choices-unknown-workshop", $"{unknown.SessionId} is not a workshop of this event.");
            default:
                return RuleProblem.Conflict("retry", "The registration clashed with others being made at the same moment; send it again.");
        }
    }

    /// <summary>The address already holds a registration: a retry of the request that made it (same key and body) is replayed; anything else is 409.</summary>
    private static async Task<Results<Created<RegistrationCreated>, Ok<RegistrationCreated>, Accepted<EventWaitlistPlace>, ValidationProblem, ProblemHttpResult>> RepeatAsync(
        EventsDbContext db, string? key, string fingerprint, CancellationToken ct)
    {
        if (key is not null && await ReplayAsync(db, key, fingerprint, ct) is { } replay) return replay;
        return RuleProblem.Conflict(OneActiveRegistration.Rule, OneActiveRegistration.Refusal);
    }

    private static async Task<Results<Created<RegistrationCreated>, Ok<RegistrationCreated>, Accepted<EventWaitlistPlace>, ValidationProblem, ProblemHttpResult>?> ReplayAsync(
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
