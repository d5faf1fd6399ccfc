using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;
using Platform.Messaging;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Events.Reminders;

/// <summary>
/// Puts one PartnershipEventReminderDue in the outbox for each published event starting within ReminderBefore.
/// The event row is claimed with a conditional update in the same transaction, so two instances never both remind.
/// A periodic job, every ReminderInterval.
/// </summary>
public sealed partial class EventReminders(
    EventsDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, IOptions<EventsOptions> options, ILogger<EventReminders> logger)
    : IPeriodicJob
{
    async Task IPeriodicJob.RunAsync(CancellationToken ct)
    {
        var sent = await RunOnceAsync(ct);
        if (sent > 0) LogSent(logger, sent);
    }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var horizon = now + options.Value.ReminderBefore;
        var due = await db.Events.AsNoTracking()
            .Where(e => e.Status == EventStatus.Published && e.ReminderSentAt == null && e.StartsAt <= horizon && e.StartsAt > now)
            .Select(e => e.Id).ToListAsync(ct);

        var sent = 0;
        foreach (var id in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Events.Where(e => e.Id == id && e.ReminderSentAt == null && e.Status == EventStatus.Published)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ReminderSentAt, now), ct);
            if (claimed == 0) continue;

            var e = await db.Events.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            var registrants = await db.Registrations.AsNoTracking()
                .Where(r => r.EventId == id && r.Status == RegistrationStatus.Confirmed)
                .OrderBy(r => r.Id).Select(r => new Registrant(r.Id, r.Name, r.Email)).ToListAsync(ct);
            outbox.Add(new PartnershipEventReminderDue(e.Id, e.Title, e.Venue.Name, e.StartsAt, registrants) { OccurredAt = now });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            sent++;
        }
        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders due for {Count} events")]
    private static partial void LogSent(ILogger logger, int count);
}
