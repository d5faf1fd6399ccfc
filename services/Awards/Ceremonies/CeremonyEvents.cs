using Platform.Awards.Infrastructure;

namespace Platform.Awards.Ceremonies;

/// <summary>Applies one of the Events service's changes to the <see cref="CeremonyEvent"/> read model, in the order they happened.</summary>
internal static class CeremonyEvents
{
    public static async Task ApplyAsync(
        AwardsDbContext db, Guid id, DateTimeOffset occurredAt, Action<CeremonyEvent> apply, CancellationToken ct, DateTimeOffset? fallbackStart = null)
    {
        var e = await db.CeremonyEvents.FindAsync([id], ct);
        if (e is null)
        {
            e = new CeremonyEvent { Id = id, Title = "", VenueName = "", StartsAt = fallbackStart ?? occurredAt, EndsAt = fallbackStart ?? occurredAt };
            db.CeremonyEvents.Add(e);
        }
        else if (occurredAt < e.AsOf)
        {
            return;
        }

        apply(e);
        // A cancellation is final even if a change that happened earlier arrives after it.
        e.AsOf = occurredAt;
        await db.SaveChangesAsync(ct);
    }
}
