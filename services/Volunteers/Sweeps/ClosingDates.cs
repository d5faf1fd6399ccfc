using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Roles;

namespace Platform.Volunteers.Sweeps;

/// <summary>Closes Open roles whose closing date has passed. The conditional update is the claim: one RoleClosed per role, whichever replica runs.</summary>
public sealed class ClosingDates(VolunteersDbContext db, IIntegrationEventOutbox outbox, TimeProvider time)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var due = await db.Roles.Where(r => r.Status == RoleStatus.Open && r.ClosesOn < today).Select(r => r.Id).Take(500).ToListAsync(ct);
        var closed = 0;
        foreach (var id in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Roles.Where(r => r.Id == id && r.Status == RoleStatus.Open)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RoleStatus.Closed).SetProperty(r => r.ClosedAt, now), ct);
            if (claimed == 0) continue;
            var role = await db.Roles.AsNoTracking().FirstAsync(r => r.Id == id, ct);
            outbox.Add(RoleMessages.Closed(role, "ClosingDate", now));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            closed++;
        }
        return closed;
    }
}
