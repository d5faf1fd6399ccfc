using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;
using Platform.ServiceDefaults.Secrets;

namespace Platform.Events.Managing;

/// <summary>Finds a registration by its manage token's hash (or its latest offer's link), refusing expired links.</summary>
public sealed class ManagedRegistrations(EventsDbContext db, TimeProvider time, IOptions<EventsOptions> options)
{
    public Task<(Registration Registration, PartnershipEvent Event)?> FindAsync(string token, CancellationToken ct, bool tracked = false) =>
        FindAsync(token, TimeSpan.Zero, tracked, ct);

    /// <summary>For what follows the event (feedback, certificates, the delegate list): the link works <see cref="EventsOptions.FollowUpLinkFor"/> longer.</summary>
    public Task<(Registration Registration, PartnershipEvent Event)?> FindForFollowUpAsync(string token, CancellationToken ct) =>
        FindAsync(token, options.Value.FollowUpLinkFor, tracked: false, ct);

    private async Task<(Registration Registration, PartnershipEvent Event)?> FindAsync(string token, TimeSpan beyondExpiry, bool tracked, CancellationToken ct)
    {
        if (!BearerSecret.LooksValid(token)) return null;
        var hash = BearerSecret.Hash(token);
        var query = tracked ? db.Registrations : db.Registrations.AsNoTracking();
        var registration = await query.Include(r => r.Choices).FirstOrDefaultAsync(r => r.ManageTokenHash == hash || r.OfferLinkHash == hash, ct);
        if (registration is null || registration.ManageTokenExpiresAt + beyondExpiry <= time.GetUtcNow()) return null;
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstAsync(x => x.Id == registration.EventId, ct);
        return (registration, e);
    }
}
