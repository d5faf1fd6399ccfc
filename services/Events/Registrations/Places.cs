using Microsoft.EntityFrameworkCore;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;

namespace Platform.Events.Registrations;

/// <summary>
/// Capacity as the database enforces it. Each take is one conditional UPDATE (… SET places_taken = places_taken + 1
/// WHERE places_taken &lt; capacity): PostgreSQL row-locks the counter, so concurrent takes queue and the last place
/// goes to exactly one of them; the CHECK constraints refuse anything that slipped past. Callers take sessions in id
/// order and the event's row last, so two transactions never wait on each other in a circle; the event's row is
/// the one every registration for that event touches, so it is taken as late as possible and held only to commit.
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

    public static Task ReleaseSessionPlaceAsync(EventsDbContext db, Guid sessionId, CancellationToken ct) =>
        db.Sessions.Where(s => s.Id == sessionId && s.PlacesTaken > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.PlacesTaken, x => x.PlacesTaken - 1), ct);
}
