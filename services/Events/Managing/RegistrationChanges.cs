using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;
using Platform.Events.Waitlists;
using Platform.Messaging;

namespace Platform.Events.Managing;

/// <summary>
/// Changes a delegate makes through their manage link. Each runs in one transaction that first locks the
/// registration row (so two tabs cannot interleave), then claims the choices it changes (their status is a
/// concurrency token, guarding against the promoter), then moves session counters in session-id order.
/// </summary>
public sealed class RegistrationChanges(
    EventsDbContext db,
    ManagedRegistrations registrations,
    IIntegrationEventOutbox outbox,
    WaitlistSignal signal,
    TimeProvider time,
    IOptions<EventsOptions> options)
{
    public async Task<RegistrationChange> ChangeChoicesAsync(
        string token, ChangeChoicesRequest request, CancellationToken ct)
    {
        if (await registrations.FindAsync(token, ct) is not { } found) return new RegistrationChange.LinkNotRecognised();
        var e = found.Event;
        var now = time.GetUtcNow();
        if (CheckChangeable(found.Registration, e, now) is { } refused) return refused;
        var choices = request.Choices ?? [];
        if (ChoiceRules.Check(e, choices) is { } violation) return new RegistrationChange.ChoicesBreakRules(violation);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var r = await LockAsync(found.Registration.Id, ct);
        if (CheckChangeable(r, e, now) is { } refusedNow) return refusedNow;

        var active = r.Choices.Where(c => c.IsActive).ToList();
        var dropped = active.Where(c => !choices.Contains(c.SessionId)).ToList();
        var released = dropped.Where(c => c.HoldsPlace).Select(c => c.SessionId).ToHashSet();
        foreach (var choice in dropped) choice.Status = ChoiceStatus.Withdrawn;
        if (!await TrySaveAsync(ct)) return Raced();

        var added = choices.Where(id => active.All(c => c.SessionId != id)).ToHashSet();
        var waitlisted = new List<Session>();
        foreach (var sessionId in released.Concat(added).Order())
        {
            if (released.Contains(sessionId))
            {
                await Places.ReleaseSessionPlaceAsync(db, sessionId, ct);
                continue;
            }
            var confirmed = await Places.TryTakeSessionPlaceForNewcomerAsync(db, sessionId, r.Id, ct);
            // Added explicitly: its client-made id would otherwise make EF take it for an existing row.
            db.Choices.Add(new WorkshopChoice
            {
                RegistrationId = r.Id, SessionId = sessionId, QueuedAt = now,
                Status = confirmed ? ChoiceStatus.Confirmed : ChoiceStatus.Waitlisted,
            });
            if (!confirmed) waitlisted.Add(e.Sessions.First(s => s.Id == sessionId));
        }

        outbox.Add(RegistrationMessages.Confirmed(e, r, token, options.Value.CalendarDomain, now));
        foreach (var session in waitlisted)
        {
            var ahead = await db.Choices.CountAsync(c => c.SessionId == session.Id && c.Status == ChoiceStatus.Waitlisted, ct);
            outbox.Add(RegistrationMessages.Waitlisted(e, r, session, ahead + 1, now));
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (released.Count > 0) signal.PlaceFreed();
        return new RegistrationChange.Made(r, e);
    }

    public async Task<RegistrationChange> CancelAsync(string token, CancellationToken ct)
    {
        if (await registrations.FindAsync(token, ct) is not { } found) return new RegistrationChange.LinkNotRecognised();
        var e = found.Event;
        var now = time.GetUtcNow();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var r = await LockAsync(found.Registration.Id, ct);
        if (r.Status == RegistrationStatus.Cancelled)
            return new RegistrationChange.Refused("registration-cancelled", "This registration is already cancelled.");

        var released = await Cancellation.CancelAsync(db, outbox, r, e, now, cancelledBy: null, reason: null, ct);
        if (released is null) return Raced();
        await tx.CommitAsync(ct);
        // The event's place is freed whatever the workshops: an event waitlist may be waiting for it.
        signal.PlaceFreed();
        return new RegistrationChange.Made(r, e);
    }

    /// <summary>
    /// The delegate opened the emailed link, so the address is theirs: the places held for them are theirs until they
    /// cancel. Saying it again changes nothing. A hold that lapsed first is gone; they register again.
    /// </summary>
    public async Task<RegistrationChange> ConfirmEmailAsync(string token, CancellationToken ct)
    {
        if (await registrations.FindAsync(token, ct) is not { } found) return new RegistrationChange.LinkNotRecognised();
        var e = found.Event;
        if (found.Registration.EmailConfirmedAt is not null) return new RegistrationChange.Made(found.Registration, e);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var r = await LockAsync(found.Registration.Id, ct);
        if (r.Status == RegistrationStatus.Cancelled)
            return new RegistrationChange.Refused("registration-cancelled",
                r.CancelledBy == UnconfirmedHolds.Lapsed
                    ? "The places were held for you until the link in the email was opened, and that time has passed; register again."
                    : "This registration is cancelled.");
        r.EmailConfirmedAt ??= time.GetUtcNow();
        r.HoldExpiresAt = null;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RegistrationChange.Made(r, e);
    }

    public async Task<RegistrationChange> AnswerOfferAsync(
        string token, Guid sessionId, bool accept, CancellationToken ct)
    {
        if (await registrations.FindAsync(token, ct) is not { } found) return new RegistrationChange.LinkNotRecognised();
        var e = found.Event;
        var now = time.GetUtcNow();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var r = await LockAsync(found.Registration.Id, ct);
        var offer = r.Choices.FirstOrDefault(c => c.SessionId == sessionId && c.Status == ChoiceStatus.Offered);
        if (offer is null)
            return new RegistrationChange.Refused("no-offer", "There is no place on offer to you for this session.");
        if (offer.OfferExpiresAt <= now)
            return new RegistrationChange.Refused("offer-expired", $"The offer expired at {offer.OfferExpiresAt.Value.ToLondon():f} (UK time).");

        offer.Status = accept ? ChoiceStatus.Confirmed : ChoiceStatus.Declined;
        offer.OfferExpiresAt = null;
        if (!await TrySaveAsync(ct)) return new RegistrationChange.Refused("offer-expired", "The offer expired while this request was handled.");

        if (accept)
            outbox.Add(RegistrationMessages.Confirmed(e, r, token, options.Value.CalendarDomain, now));
        else
            await Places.ReleaseSessionPlaceAsync(db, sessionId, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (!accept) signal.PlaceFreed();
        return new RegistrationChange.Made(r, e);
    }

    private static RegistrationChange.Refused? CheckChangeable(Registration r, PartnershipEvent e, DateTimeOffset now)
    {
        if (r.Status == RegistrationStatus.Cancelled)
            return new RegistrationChange.Refused("registration-cancelled", "This registration is cancelled.");
        if (e.Status != EventStatus.Published)
            return new RegistrationChange.Refused("event-status", $"The event is {e.Status}; choices can no longer change.");
        if (now >= e.StartsAt)
            return new RegistrationChange.Refused("event-started", "The event has started; choices can no longer change.");
        return null;
    }

    internal async Task<Registration> LockAsync(Guid id, CancellationToken ct)
    {
        // FOR UPDATE serialises every change to one registration; the lock goes with the transaction.
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM registration WHERE id = {id} FOR UPDATE", ct);
        return await db.Registrations.Include(x => x.Choices).FirstAsync(x => x.Id == id, ct);
    }

    private async Task<bool> TrySaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private static RegistrationChange.Refused Raced() =>
        new RegistrationChange.Refused("retry", "The waitlist moved on while this request was handled; read the registration and try again.");
}
