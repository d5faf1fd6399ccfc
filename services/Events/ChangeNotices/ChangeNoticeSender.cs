using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.Events.Calendar;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;
using Platform.Messaging;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Events.ChangeNotices;

/// <summary>
/// Sends the change notices that have settled: for each, one EventChangeNoticeDue per delegate the changes touch (the
/// event's changes reach every delegate; a workshop's only those holding a place in it), with their calendar as it now
/// is. The notice is claimed and removed in the transaction that puts the messages in the outbox, so it goes once.
/// A periodic job, every <see cref="EventsOptions.ChangeNoticeInterval"/>.
/// </summary>
public sealed partial class ChangeNoticeSender(
    EventsDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, IOptions<EventsOptions> options, ILogger<ChangeNoticeSender> logger)
    : IPeriodicJob
{
    async Task IPeriodicJob.RunAsync(CancellationToken ct)
    {
        var told = await RunOnceAsync(ct);
        if (told > 0) LogTold(logger, told);
    }

    /// <summary>One pass: returns how many delegates were queued a notice.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await db.ChangeNotices.AsNoTracking().Where(n => n.DueAt <= now).OrderBy(n => n.DueAt).Select(n => n.EventId).ToListAsync(ct);
        var told = 0;
        foreach (var eventId in due)
        {
            told += await SendAsync(eventId, now, ct);
        }

        return told;
    }

    private async Task<int> SendAsync(Guid eventId, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Locked, so an edit meanwhile waits and then starts a notice of its own with this one's outcome as its "before".
        var notice = await db.ChangeNotices
            .FromSqlInterpolated($"SELECT * FROM change_notice WHERE event_id = {eventId} AND due_at <= {now} FOR UPDATE SKIP LOCKED")
            .FirstOrDefaultAsync(ct);
        if (notice is null) return 0;

        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstAsync(x => x.Id == eventId, ct);
        var after = ScheduleSnapshot.Of(e);
        var eventChanges = notice.Before.EventChanges(e.Title, after).ToList();
        var workshopChanges = notice.Before.WorkshopChanges(after);
        var told = 0;
        if (e.Status == Catalogue.EventStatus.Published && (eventChanges.Count > 0 || workshopChanges.Count > 0))
        {
            var registrations = await db.Registrations.AsNoTracking().Include(r => r.Choices)
                .Where(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed)
                .OrderBy(r => r.Id).ToListAsync(ct);
            // A withdrawn workshop's delegates no longer hold a choice in it (the withdrawal ended them): they are told
            // by the choices it ended. Withdrawn in an earlier round, it is in neither snapshot and tells nobody again.
            var withdrawn = notice.Before.Workshops.Select(w => w.Id).Except(after.Workshops.Select(w => w.Id)).ToHashSet();
            foreach (var r in registrations)
            {
                var changes = eventChanges.Concat(r.Choices
                        .Where(c => workshopChanges.ContainsKey(c.SessionId)
                            && (c.Status == ChoiceStatus.Confirmed || (c.Status == ChoiceStatus.SessionWithdrawn && withdrawn.Contains(c.SessionId))))
                        .OrderBy(c => c.SessionId)
                        .SelectMany(c => workshopChanges[c.SessionId]))
                    .ToList();
                if (changes.Count == 0) continue;
                outbox.Add(new EventChangeNoticeDue(e.Id, notice.Id, e.Title, new Registrant(r.Id, r.Name, r.Email), changes,
                    RegistrationCalendar.Create(e, r, options.Value.CalendarDomain))
                { OccurredAt = now });
                told++;
            }
        }

        db.ChangeNotices.Remove(notice);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return told;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Change notices queued for {Count} delegates")]
    private static partial void LogTold(ILogger logger, int count);
}
