using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Volunteers;
using Platform.Messaging;
using Platform.ServiceDefaults.Secrets;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Retention;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Sweeps;

/// <summary>
/// Asks each Active volunteer the check-in question every CheckInInterval (the first after one interval of service),
/// through a fresh single-purpose link, with a fresh volunteer link that replaces the old one. Decided and written under the volunteer's row lock, so a second pass or replica
/// finds the recent invitation and sends nothing.
/// </summary>
public sealed class CheckInInvitations(VolunteersDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, IOptions<VolunteersOptions> options)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var since = now - options.Value.CheckInInterval;
        var due = await db.Volunteers
            .Where(v => v.Status == VolunteerStatus.Active && v.StartedAt <= since && !db.CheckInInvitations.Any(i => i.VolunteerId == v.Id && i.SentAt > since))
            .OrderBy(v => v.Id).Select(v => v.Id).Take(500).ToListAsync(ct);
        var sent = 0;
        foreach (var id in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var v = await db.LockAsync(id, null, ct);
            if (v is null || v.Status != VolunteerStatus.Active || await db.CheckInInvitations.AnyAsync(i => i.VolunteerId == id && i.SentAt > since, ct)) continue;
            var token = BearerSecret.Create();
            var invitation = new CheckInInvitation { VolunteerId = id, TokenHash = BearerSecret.Hash(token), SentAt = now, ExpiresAt = now + options.Value.CheckInLinkLifetime };
            db.CheckInInvitations.Add(invitation);
            // The volunteer's own link is renewed with each invitation: the old one stops working now.
            var volunteerToken = BearerSecret.Create();
            v.LinkTokenHash = BearerSecret.Hash(volunteerToken);
            v.LinkExpiresAt = now + options.Value.VolunteerLinkLifetime;
            var about = await (from r in db.Roles
                               join o in db.Organisations on r.OrganisationId equals o.Id
                               where r.Id == v.RoleId
                               select new { r.Title, o.Name }).FirstAsync(ct);
            outbox.Add(new CheckInDue(v.Id, v.OrganisationId, about.Name, about.Title, v.Name, v.Email, token, invitation.ExpiresAt,
                volunteerToken, v.LinkExpiresAt)
            { OccurredAt = now });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            sent++;
        }
        return sent;
    }
}
