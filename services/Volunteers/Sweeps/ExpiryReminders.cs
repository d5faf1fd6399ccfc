using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Volunteers;
using Platform.Messaging;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Sweeps;

/// <summary>
/// One CheckExpiring per credential and expiry date, ExpiryReminderBefore ahead of it. The credential row is claimed
/// by setting <c>reminder_sent_for</c> to its expiry date in the same transaction as the outbox row; a renewal (a new
/// date) is reminded again in its turn.
/// </summary>
public sealed class ExpiryReminders(VolunteersDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, IOptions<VolunteersOptions> options)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var horizon = DateOnly.FromDateTime((now + options.Value.ExpiryReminderBefore).UtcDateTime);
        var due = await (from c in db.Credentials
                         join v in db.Volunteers on c.VolunteerId equals v.Id
                         where c.ExpiresOn != null && c.ExpiresOn >= today && c.ExpiresOn <= horizon
                               && (c.ReminderSentFor == null || c.ReminderSentFor != c.ExpiresOn) && v.Status != VolunteerStatus.Left
                         select c.Id).Take(500).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Credentials.Where(c => c.Id == id && c.ExpiresOn != null && (c.ReminderSentFor == null || c.ReminderSentFor != c.ExpiresOn))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReminderSentFor, c => c.ExpiresOn), ct);
            if (claimed == 0) continue;
            var found = await (from c in db.Credentials
                               join v in db.Volunteers on c.VolunteerId equals v.Id
                               join o in db.Organisations on c.OrganisationId equals o.Id
                               where c.Id == id
                               select new { c, v.Name, v.Email, OrganisationName = o.Name, o.ContactEmail }).AsNoTracking().FirstAsync(ct);
            outbox.Add(new CheckExpiring(found.c.Id, found.c.VolunteerId, found.c.OrganisationId, found.OrganisationName, found.ContactEmail,
                found.Name, found.Email, found.c.Kind.ToString(), found.c.Title, found.c.ExpiresOn!.Value)
            { OccurredAt = now });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            sent++;
        }
        return sent;
    }
}
