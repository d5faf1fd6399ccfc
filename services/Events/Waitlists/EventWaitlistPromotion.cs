using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;

namespace Platform.Events.Waitlists;

/// <summary>
/// Gives each free place at an event that keeps a waitlist to the first person waiting, by making their registration
/// as they sent it (<see cref="Registrar"/>), in the same round trip as marking their entry promoted. Runs in the
/// promoter's pass, after the workshop waitlists, so the places freed by a cancellation go first to delegates already
/// registered and waiting for a workshop. One pass at a time across copies (the job's lock), so no entry is promoted twice.
/// </summary>
public sealed class EventWaitlistPromotion(EventsDbContext db, Registrar registrar, TimeProvider time)
{
    public async Task<int> PromoteAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var events = await db.Events.AsNoTracking()
            .Where(e => e.WaitlistWhenFull && e.Status == EventStatus.Published && e.StartsAt > now && e.PlacesTaken < e.Capacity)
            .Where(e => db.EventWaitlist.Any(w => w.EventId == e.Id && w.Status == EventWaitlistStatus.Waiting))
            .Select(e => e.Id).ToListAsync(ct);
        var promoted = 0;
        foreach (var eventId in events)
        {
            while (await PromoteNextAsync(eventId, ct) is var outcome && outcome != Step.Stop)
            {
                if (outcome == Step.Promoted) promoted++;
            }
        }
        return promoted;
    }

    private enum Step { Promoted, Skipped, Stop }

    private async Task<Step> PromoteNextAsync(Guid eventId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstAsync(x => x.Id == eventId, ct);
        if (e.Status != EventStatus.Published || e.PlacesTaken >= e.Capacity) return Step.Stop;
        var next = await db.EventWaitlist.AsNoTracking()
            .Where(w => w.EventId == eventId && w.Status == EventWaitlistStatus.Waiting)
            .OrderBy(w => w.QueuedAt).ThenBy(w => w.Id).FirstOrDefaultAsync(ct);
        if (next is null) return Step.Stop;

        var now = time.GetUtcNow();
        var outcome = await registrar.WriteAsync(e, next.Request, next.InvitationId, key: null,
            registrationId => [Leave(next.Id, EventWaitlistStatus.Promoted, registrationId, now)], ct);
        switch (outcome)
        {
            case Registrar.Outcome.Written:
                return Step.Promoted;
            case Registrar.Outcome.AlreadyRegistered or Registrar.Outcome.UnknownWorkshop:
                // Registered some other way meanwhile, or a chosen workshop is gone: their turn passes to the next.
                await db.EventWaitlist.Where(w => w.Id == next.Id && w.Status == EventWaitlistStatus.Waiting)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, EventWaitlistStatus.Skipped).SetProperty(w => w.LeftAt, now), ct);
                return Step.Skipped;
            default:
                // Full again, or clashing with registrations being made: the next pass tries again.
                return Step.Stop;
        }
    }

    private static NpgsqlBatchCommand Leave(Guid entryId, EventWaitlistStatus status, Guid registrationId, DateTimeOffset now) =>
        new("UPDATE event_waitlist_entry SET status = $1, registration_id = $2, left_at = $3 WHERE id = $4")
        {
            Parameters =
            {
                new NpgsqlParameter { Value = status.ToString() },
                new NpgsqlParameter { Value = registrationId },
                new NpgsqlParameter { Value = now },
                new NpgsqlParameter { Value = entryId },
            },
        };
}
