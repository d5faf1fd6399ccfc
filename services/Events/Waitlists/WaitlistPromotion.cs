using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;
using Platform.Messaging;
using Platform.ServiceDefaults.Secrets;

namespace Platform.Events.Waitlists;

/// <summary>
/// Moves waitlists on: expires offers past their hold, then offers every free workshop place to the first waiting
/// delegate, in (queued at, id) order so nobody is skipped. An offer holds a counted place, so accepting never
/// over-books. Each step is its own transaction that claims the choice first (its status is a concurrency token)
/// and then takes the place, so a concurrent delegate's change or a second promoter cannot double-offer.
/// </summary>
public sealed class WaitlistPromotion(
    EventsDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, IOptions<EventsOptions> options)
{
    public async Task<(int Expired, int Offered)> RunOnceAsync(CancellationToken ct)
    {
        var expired = await ExpireOffersAsync(ct);
        var offered = await OfferFreePlacesAsync(ct);
        return (expired, offered);
    }

    public async Task<int> ExpireOffersAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await db.Choices.AsNoTracking()
            .Where(c => c.Status == ChoiceStatus.Offered && c.OfferExpiresAt <= now)
            .OrderBy(c => c.OfferExpiresAt).Select(c => c.Id).Take(500).ToListAsync(ct);
        var count = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var choice = await db.Choices.FirstAsync(c => c.Id == id, ct);
            if (choice.Status != ChoiceStatus.Offered) continue;
            choice.Status = ChoiceStatus.Expired;
            if (!await TrySaveAsync(ct)) continue;
            await Places.ReleaseSessionPlaceAsync(db, choice.SessionId, ct);

            var who = await db.Registrations.AsNoTracking().FirstAsync(r => r.Id == choice.RegistrationId, ct);
            var session = await db.Sessions.AsNoTracking().FirstAsync(s => s.Id == choice.SessionId, ct);
            outbox.Add(new PlaceOfferExpired(who.Id, who.EventId, who.Name, who.Email, session.Id, session.Title) { OccurredAt = now });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            count++;
        }
        return count;
    }

    public async Task<int> OfferFreePlacesAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.Capacity != null && s.PlacesTaken < s.Capacity)
            .Where(s => db.Events.Any(e => e.Id == s.EventId && e.Status == EventStatus.Published && e.StartsAt > now))
            .Where(s => db.Choices.Any(c => c.SessionId == s.Id && c.Status == ChoiceStatus.Waitlisted))
            .Select(s => s.Id).ToListAsync(ct);

        var count = 0;
        foreach (var sessionId in sessions)
        {
            while (await TryOfferNextAsync(sessionId, now, ct) is var outcome && outcome != Outcome.NoPlaceOrNobodyWaiting)
            {
                if (outcome == Outcome.Offered) count++;
            }
        }
        return count;
    }

    private enum Outcome { Offered, Raced, NoPlaceOrNobodyWaiting }

    private async Task<Outcome> TryOfferNextAsync(Guid sessionId, DateTimeOffset now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var first = await db.Choices
            .Where(c => c.SessionId == sessionId && c.Status == ChoiceStatus.Waitlisted)
            .OrderBy(c => c.QueuedAt).ThenBy(c => c.Id)
            .FirstOrDefaultAsync(ct);
        if (first is null) return Outcome.NoPlaceOrNobodyWaiting;

        var session = await db.Sessions.AsNoTracking().FirstAsync(s => s.Id == sessionId, ct);
        var e = await db.Events.AsNoTracking().FirstAsync(x => x.Id == session.EventId, ct);
        first.Status = ChoiceStatus.Offered;
        first.OfferExpiresAt = OfferHold.ExpiresAt(now, e.StartsAt, options.Value);
        if (!await TrySaveAsync(ct)) return Outcome.Raced;
        if (!await Places.TryTakeSessionPlaceAsync(db, sessionId, ct)) return Outcome.NoPlaceOrNobodyWaiting;

        var who = await db.Registrations.FirstAsync(r => r.Id == first.RegistrationId, ct);
        // The offer's email links to the manage page, where the place is accepted: a link of its own, as the manage
        // token itself is only in the confirmation email.
        var link = BearerSecret.Create();
        who.OfferLinkHash = BearerSecret.Hash(link);
        outbox.Add(new PlaceOffered(who.Id, e.Id, e.Title, who.Name, who.Email, session.Id, session.Title, first.OfferExpiresAt.Value, link) { OccurredAt = now });
        if (!await TrySaveAsync(ct)) return Outcome.Raced; // the delegate cancelled meanwhile: the transaction rolls back
        await tx.CommitAsync(ct);
        return Outcome.Offered;
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
            // The delegate withdrew or another promoter got there first; the caller's transaction rolls back.
            return false;
        }
    }
}
