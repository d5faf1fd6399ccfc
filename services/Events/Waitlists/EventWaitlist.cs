using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;

namespace Platform.Events.Waitlists;

/// <summary>Where a person stands on an event's waitlist: 1 is the next to be given a place.</summary>
public sealed record EventWaitlistPlace(Guid EventId, string Email, int Position, DateTimeOffset QueuedAt);

/// <summary>
/// Joining a full event's waitlist (an event that keeps one: <see cref="Catalogue.PartnershipEvent.WaitlistWhenFull"/>).
/// Nobody jumps it: while anyone waits, a newcomer joins the queue even if a place has just freed, since that place
/// is the first waiting person's (the promoter registers them on its next pass).
/// </summary>
public static class EventWaitlist
{
    public static Task<bool> AnyoneWaitingAsync(EventsDbContext db, Guid eventId, CancellationToken ct) =>
        db.EventWaitlist.AnyAsync(w => w.EventId == eventId && w.Status == EventWaitlistStatus.Waiting, ct);

    /// <summary>Adds the request to the queue; an address already waiting keeps its place (a repeat answers the same).</summary>
    public static async Task<EventWaitlistPlace> JoinAsync(
        EventsDbContext db, Guid eventId, RegistrationRequest request, Guid? invitationId, DateTimeOffset now, CancellationToken ct)
    {
        var email = OneActiveRegistration.Normalise(request.Email!);
        db.ChangeTracker.Clear();
        db.EventWaitlist.Add(new EventWaitlistEntry { EventId = eventId, Email = email, Request = request, InvitationId = invitationId, QueuedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Already waiting: the earlier entry stands, with its place in the queue.
        }
        db.ChangeTracker.Clear();
        var entry = await db.EventWaitlist.AsNoTracking()
            .FirstAsync(w => w.EventId == eventId && w.Email == email && w.Status == EventWaitlistStatus.Waiting, ct);
        var ahead = await db.EventWaitlist.CountAsync(w => w.EventId == eventId && w.Status == EventWaitlistStatus.Waiting
            && (w.QueuedAt < entry.QueuedAt || (w.QueuedAt == entry.QueuedAt && w.Id.CompareTo(entry.Id) < 0)), ct);
        return new EventWaitlistPlace(eventId, entry.Email, ahead + 1, entry.QueuedAt.ToLondon());
    }
}
