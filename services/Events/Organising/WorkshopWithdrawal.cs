using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Events.Catalogue;
using Platform.Events.ChangeNotices;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;

namespace Platform.Events.Organising;

/// <param name="ChoicesEnded">The delegates' choices the withdrawal ended: places held, offers and waitlist entries.</param>
public sealed record WithdrawnWorkshop(Guid SessionId, string Title, DateTimeOffset WithdrawnAt, int ChoicesEnded);

/// <summary>
/// An organiser takes a workshop out of a published event: it leaves the programme and can no longer be chosen, every
/// place, offer and waitlist entry in it ends, and its delegates get the change notice at once (the notice reads a
/// workshop gone from the day as withdrawn) with their calendar entry for it cancelled. Before publishing, a workshop
/// nobody chose is simply removed.
/// </summary>
public static class WorkshopWithdrawal
{
    public static async Task<Results<Ok<WithdrawnWorkshop>, ProblemHttpResult>> WithdrawAsync(
        Guid eventId, Guid sessionId, EventsDbContext db, ScheduleChanges scheduleChanges, ChangeNoticeSignal signal, TimeProvider time, CancellationToken ct)
    {
        var e = await db.Events.Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == eventId, ct);
        var session = e?.Sessions.FirstOrDefault(s => s.Id == sessionId);
        if (e is null || session is null) return RuleProblem.NotFound($"Session {sessionId} of event {eventId}");
        if (session.Kind != SessionKind.Workshop)
            return RuleProblem.Unprocessable("not-a-workshop", "Only a workshop can be withdrawn; other sessions are edited or removed.");
        if (session.WithdrawnAt is not null)
            return RuleProblem.Conflict("already-withdrawn", "This workshop has already been withdrawn.");
        if (e.Status != EventStatus.Published)
            return RuleProblem.Conflict("event-status", e.Status == EventStatus.Draft
                ? "A draft event's workshop is removed, not withdrawn: nobody has been told of it yet."
                : $"A {e.Status} event's programme can no longer be changed.");

        var now = time.GetUtcNow();
        var day = ScheduleSnapshot.Of(e);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The workshop's row first (the lock order every path keeps, see Places): a place taken meanwhile waits for this.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM session WHERE id = {sessionId} FOR UPDATE", ct);
        var ended = await db.Choices
            .Where(c => c.SessionId == sessionId
                && (c.Status == ChoiceStatus.Confirmed || c.Status == ChoiceStatus.Offered || c.Status == ChoiceStatus.Waitlisted))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ChoiceStatus.SessionWithdrawn).SetProperty(c => c.OfferExpiresAt, (DateTimeOffset?)null), ct);
        session.WithdrawnAt = now;
        session.PlacesTaken = 0;
        await scheduleChanges.NoteAsync(e, day, ct, settled: true);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        signal.NoticeDue();
        return TypedResults.Ok(new WithdrawnWorkshop(session.Id, session.Title, now, ended));
    }
}
