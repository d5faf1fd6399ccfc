using Microsoft.EntityFrameworkCore;
using Platform.Volunteers.Hours;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Retention;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Sweeps;

/// <summary>
/// The milestones time alone brings (six months, a year), and paused volunteers whose return date has come back to
/// Active. Each volunteer is handled under its row lock, so a second pass or replica finds the milestone there already.
/// </summary>
public sealed class TenureMilestones(VolunteersDbContext db, MilestoneAwards awards, TimeProvider time)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var returnAt = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await db.Volunteers.Where(v => v.Status == VolunteerStatus.Paused && v.ReturnsOn <= today)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, VolunteerStatus.Active).SetProperty(v => v.ReturnsOn, (DateOnly?)null)
                .SetProperty(v => v.LastActivityAt, v => v.LastActivityAt > returnAt ? v.LastActivityAt : returnAt), ct);

        var sixMonthsAgo = now.AddMonths(-6);
        var yearAgo = now.AddYears(-1);
        var due = await db.Volunteers
            .Where(v => v.Status != VolunteerStatus.Left
                        && ((v.StartedAt <= sixMonthsAgo && !db.Milestones.Any(m => m.VolunteerId == v.Id && m.Kind == MilestoneKind.Months6))
                            || (v.StartedAt <= yearAgo && !db.Milestones.Any(m => m.VolunteerId == v.Id && m.Kind == MilestoneKind.Year1))))
            .Select(v => v.Id).Take(500).ToListAsync(ct);

        var awarded = 0;
        foreach (var id in due)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var v = await db.LockAsync(id, null, ct);
            if (v is null) continue;
            var hasSession = await db.Hours.AnyAsync(h => h.VolunteerId == id && h.Status == HoursStatus.Approved, ct);
            awarded += (await awards.AwardDueAsync(v, hasSession, now, ct)).Count;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return awarded;
    }
}
