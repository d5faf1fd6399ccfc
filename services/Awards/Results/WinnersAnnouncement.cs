using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Awards.Infrastructure;
using Platform.Contracts.Awards;
using Platform.Messaging;

namespace Platform.Awards.Results;

/// <summary>
/// Lifts a programme's embargo: sets AnnouncedAt and writes WinnersAnnounced to the outbox in one transaction. The
/// UPDATE only matches a programme not yet announced, so when two replicas (or the sweeper and a member of staff)
/// try at once, PostgreSQL's row lock makes the second find nothing to update, and the event is written once.
/// </summary>
public sealed class WinnersAnnouncement(AwardsDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, IOptions<AwardsOptions> options)
{
    /// <summary>Programmes whose ceremony has started, with a confirmed winner and the embargo still on.</summary>
    public Task<List<Guid>> DueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.Programmes.AsNoTracking().Where(p => p.AnnouncedAt == null
                && db.CeremonyEvents.Any(e => e.Id == p.CeremonyEventId && !e.Cancelled && e.StartsAt <= now)
                && db.Categories.Any(c => c.ProgrammeId == p.Id && c.WinnerNomineeId != null))
            .Select(p => p.Id).ToListAsync(ct);
    }

    /// <param name="byHand">Staff lifting it at the moment of presentation: the ceremony time is not checked.</param>
    /// <returns>True if this call announced; false if it was already announced, not due, or had no winners.</returns>
    public async Task<bool> TryAnnounceAsync(Guid programmeId, bool byHand, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Programmes
                .Where(p => p.Id == programmeId && p.AnnouncedAt == null
                    && (byHand || db.CeremonyEvents.Any(e => e.Id == p.CeremonyEventId && !e.Cancelled && e.StartsAt <= now))
                    && db.Categories.Any(c => c.ProgrammeId == p.Id && c.WinnerNomineeId != null))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.AnnouncedAt, now), ct);
            if (claimed == 0) return false;

            var programme = await db.Programmes.AsNoTracking().FirstAsync(p => p.Id == programmeId, ct);
            var winners = await PublicResults.WinnersQuery(db, programmeId).ToListAsync(ct);
            outbox.Add(new WinnersAnnounced(programme.Id, programme.Year, programme.Title, now,
                winners.Select(w => new AwardWinner(w.CategoryId, w.CategoryName, w.NomineeName, w.NomineeOrganisation, w.District, w.Citation)).ToList(),
                new Uri(options.Value.PublicBaseUrl, $"awards/results/{programme.Id}").AbsoluteUri)
            { OccurredAt = now });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return true;
        });
    }
}
