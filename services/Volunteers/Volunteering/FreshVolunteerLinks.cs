using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Volunteers;
using Platform.Messaging;
using Platform.ServiceDefaults.Secrets;
using Platform.Volunteers.Infrastructure;

namespace Platform.Volunteers.Volunteering;

/// <summary>
/// A volunteer who lost their link asks for a fresh one with their email address: each active or paused volunteer
/// record under that address gets a new link (the old one stops working) and Notifications emails it to that address
/// only. A record gets at most one per <see cref="VolunteersOptions.FreshLinkInterval"/>, so the form can neither flood
/// a mailbox nor keep replacing a working link; an unknown address, a volunteer who has left and a repeat within the
/// interval are all simply nothing to do, told apart from a sent link by nobody.
/// </summary>
public sealed class FreshVolunteerLinks(VolunteersDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, IOptions<VolunteersOptions> options)
{
    public async Task<int> SendAsync(string email, CancellationToken ct)
    {
        var address = email.Trim().ToLowerInvariant();
        var now = time.GetUtcNow();
        var since = now - options.Value.FreshLinkInterval;
        var ids = await db.Volunteers
            .Where(v => v.Email.ToLower() == address && v.Status != VolunteerStatus.Left && (v.LinkRequestedAt == null || v.LinkRequestedAt <= since))
            .OrderBy(v => v.Id).Select(v => v.Id).ToListAsync(ct);
        var sent = 0;
        foreach (var id in ids)
        {
            // Under the row lock, so two requests at once (or a check-in invitation) cannot both replace the link.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var v = await db.LockAsync(id, null, ct);
            if (v is null || v.Status == VolunteerStatus.Left || v.LinkRequestedAt > since) continue;
            var token = BearerSecret.Create();
            v.LinkTokenHash = BearerSecret.Hash(token);
            v.LinkExpiresAt = now + options.Value.VolunteerLinkLifetime;
            v.LinkRequestedAt = now;
            var about = await (from r in db.Roles
                               join o in db.Organisations on r.OrganisationId equals o.Id
                               where r.Id == v.RoleId
                               select new { r.Title, o.Name }).FirstAsync(ct);
            outbox.Add(new VolunteerLinkRenewed(v.Id, v.OrganisationId, about.Name, about.Title, v.Name, v.Email, token, v.LinkExpiresAt) { OccurredAt = now });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            sent++;
        }

        return sent;
    }
}
