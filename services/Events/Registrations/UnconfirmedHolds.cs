using Microsoft.EntityFrameworkCore;
using Platform.Events.Infrastructure;
using Platform.Events.Managing;
using Platform.Events.Waitlists;
using Platform.Messaging;

namespace Platform.Events.Registrations;

/// <summary>
/// Releases the places of registrations whose address was never confirmed within its hold
/// (<see cref="ConfirmationHold"/>): each is cancelled as the delegate would cancel it, its workshop places go to
/// the first waiting delegates (the promoter's next round), and the address may register again. Run by the
/// <see cref="WaitlistPromoter"/> before each round, so a lapsed place is offered in the same pass.
/// </summary>
public sealed class UnconfirmedHolds(
    EventsDbContext db, IIntegrationEventOutbox outbox, RegistrationChanges changes, WaitlistSignal signal, TimeProvider time)
{
    /// <summary>What <see cref="Registration.CancelledBy"/> says for a hold that lapsed.</summary>
    public const string Lapsed = "unconfirmed-hold-lapsed";

    public async Task<int> ReleaseLapsedAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await db.Registrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Confirmed && r.EmailConfirmedAt == null && r.HoldExpiresAt <= now)
            .OrderBy(r => r.HoldExpiresAt).Select(r => r.Id).Take(500).ToListAsync(ct);
        var count = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var r = await changes.LockAsync(id, ct);
            // Confirmed or cancelled between the read and the lock: nothing to release.
            if (r.Status != RegistrationStatus.Confirmed || r.EmailConfirmedAt is not null || r.HoldExpiresAt > now) continue;
            var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstAsync(x => x.Id == r.EventId, ct);
            if (await Cancellation.CancelAsync(db, outbox, r, e, now, Lapsed, "The email address was not confirmed in time.", ct) is null) continue;
            await tx.CommitAsync(ct);
            count++;
        }
        if (count > 0) signal.PlaceFreed();
        return count;
    }
}
