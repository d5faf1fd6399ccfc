using Platform.Contracts.Events;
using Platform.Events.Catalogue;
using Platform.Events.Infrastructure;
using Platform.Events.Registrations;
using Platform.Messaging;

namespace Platform.Events.Managing;

/// <summary>
/// Cancelling a registration, whoever does it (the delegate, staff, or the sweep of lapsed holds): withdraw its
/// choices, free its places, and tell the delegate. The caller holds the registration's row lock and commits.
/// </summary>
public static class Cancellation
{
    /// <summary>Returns the workshops whose places were freed (the promoter offers them), or null if another change won the race.</summary>
    public static async Task<IReadOnlyList<Guid>?> CancelAsync(
        EventsDbContext db, IIntegrationEventOutbox outbox, Registration r, PartnershipEvent e, DateTimeOffset now,
        string? cancelledBy, string? reason, CancellationToken ct)
    {
        var released = r.Choices.Where(c => c.HoldsPlace).Select(c => c.SessionId).Order().ToList();
        foreach (var choice in r.Choices.Where(c => c.IsActive)) choice.Status = ChoiceStatus.Withdrawn;
        r.Status = RegistrationStatus.Cancelled;
        r.CancelledAt = now;
        r.CancelledBy = cancelledBy;
        r.CancellationReason = reason;
        r.HoldExpiresAt = null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            return null;
        }

        // Sessions before the event's row: the lock order every path keeps (see Places).
        foreach (var sessionId in released) await Places.ReleaseSessionPlaceAsync(db, sessionId, ct);
        await Places.ReleaseEventPlaceAsync(db, e.Id, ct);
        outbox.Add(new RegistrationCancelled(r.Id, e.Id, e.Title, r.Name, r.Email) { OccurredAt = now });
        await db.SaveChangesAsync(ct);
        return released;
    }
}
