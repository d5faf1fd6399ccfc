using Microsoft.EntityFrameworkCore;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;
using Platform.ServiceDefaults.Secrets;

namespace Platform.Events.Managing;

/// <summary>Finds a registration by its manage token's hash (or its latest offer's link), refusing expired links.</summary>
public sealed class ManagedRegistrations(EventsDbContext db, TimeProvider time)
{
    public async Task<(Registration Registration, PartnershipEvent Event)?> FindAsync(string token, CancellationToken ct, bool tracked = false)
    {
        if (!BearerSecret.LooksValid(token)) return null;
        var hash = BearerSecret.Hash(token);
        var query = tracked ? db.Registrations : db.Registrations.AsNoTracking();
        var registration = await query.Include(r => r.Choices).FirstOrDefaultAsync(r => r.ManageTokenHash == hash || r.OfferLinkHash == hash, ct);
        if (registration is null || registration.ManageTokenExpiresAt <= time.GetUtcNow()) return null;
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstAsync(x => x.Id == registration.EventId, ct);
        return (registration, e);
    }
}
