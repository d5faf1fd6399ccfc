using Microsoft.EntityFrameworkCore;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;

namespace Platform.Events.Registrations;

/// <summary>
/// Capacity as the database enforces it. Each take is one conditional UPDATE (… SET places_taken = places_taken + 1
/// WHERE places_taken &lt; capacity): PostgreSQL row-locks the counter, so concurrent takes queue and the last place
/// goes to exactly one of them; the CHECK constraints refuse anything that slipped past. Callers take sessions in id
/// order and the event's row last, so two transactions never wait on each other in a circle. A new registration
/// takes its places in the database function behind <see cref="PlaceClaim"/>, in the same order; these are for the
/// promoter and for changes made through a manage link (why those do not call the function: the README, "A
/// manage-link change takes its places another way").
/// </summary>
public static class Places
{
    public static async Task<bool> TryTakeEventPlaceAsync(EventsDbContext db, Guid eventId, CancellationToken ct) =>
        await db.Events
            .Where(e => e.Id == eventId && e.Status == EventStatus.Published && e.PlacesTaken < e.Capacity)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.PlacesTaken, e => e.PlacesTaken + 1), ct) == 1;

    public static Task ReleaseEventPlaceAsync(EventsDbContext db, Guid eventId, CancellationToken ct) =>
        db.Events.Where(e => e.Id == eventId && e.PlacesTaken > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.PlacesTaken, e => e.PlacesTaken - 1), ct);

    public static async Task<bool> TryTakeSessionPlaceAsync(EventsDbContext db, Guid sessionId, CancellationToken ct) =>
        await db.Sessions
            .Where(s => s.Id == sessionId && (s.Capacity == null || s.PlacesTaken < s.Capacity))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PlacesTaken, x => x.PlacesTaken + 1), ct) == 1;

    /// <summary>
    /// A place for a delegate newly choosing the workshop (a manage-link change): only if nobody else is waiting for
    /// it, since a free place with a waitlist belongs to the first in line (the promoter offers it). New registrations
    /// apply the same rule in <see cref="PlaceClaim"/>.
    /// </summary>
    public static async Task<bool> TryTakeSessionPlaceForNewcomerAsync(EventsDbContext db, Guid sessionId, Guid registrationId, CancellationToken ct) =>
        await db.Sessions
            .Where(s => s.Id == sessionId && (s.Capacity == null || s.PlacesTaken < s.Capacity))
            .Where(s => !db.Choices.Any(c => c.SessionId == s.Id && c.Status == ChoiceStatus.Waitlisted && c.RegistrationId != registrationId))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PlacesTaken, x => x.PlacesTaken + 1), ct) == 1;

    public static Task ReleaseSessionPlaceAsync(EventsDbContext db, Guid sessionId, CancellationToken ct) =>
        db.Sessions.Where(s => s.Id == sessionId && s.PlacesTaken > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PlacesTaken, x => x.PlacesTaken - 1), ct);
}
