using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Volunteers;
using Platform.Messaging;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Sweeps;

/// <summary>
/// Flags Active volunteers at risk: no logged activity for LapsePeriod, or a satisfaction score that is low or falling
/// at the last check-in. The flag is (re)written on every pass; the re-engagement message goes out only when the
/// conditional update on <c>reengaged_at</c> (null, or older than the cool-off) succeeds, so two passes or two
/// replicas send it once.
/// </summary>
public sealed class LapseDetection(VolunteersDbContext db, IIntegrationEventOutbox outbox, TimeProvider time, IOptions<VolunteersOptions> options)
{
    private const int Batch = 500;

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var o = options.Value;
        var lapsedBefore = now - o.LapsePeriod;
        var coolOffBefore = now - o.ReengagementCoolOff;
        // Candidates not yet flagged, or flagged but past the cool-off; the last two check-ins come along for the satisfaction rule.
        var low = o.LowSatisfactionScore;
        var candidates = await db.Volunteers.AsNoTracking()
            .Where(v => v.Status == VolunteerStatus.Active && (v.AtRiskSince == null || v.ReengagedAt == null || v.ReengagedAt < coolOffBefore))
            .Select(v => new
            {
                v.Id,
                v.LastActivityAt,
                Latest = db.CheckIns.Where(c => c.VolunteerId == v.Id).OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Select(c => (int?)c.Score).FirstOrDefault(),
                Previous = db.CheckIns.Where(c => c.VolunteerId == v.Id).OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Select(c => (int?)c.Score).Skip(1).FirstOrDefault(),
            })
            .Where(v => v.LastActivityAt < lapsedBefore || v.Latest <= low || v.Latest < v.Previous)
            .OrderBy(v => v.Id).Take(Batch).ToListAsync(ct);

        var sent = 0;
        foreach (var c in candidates)
        {
            var reasons = Reasons(c.LastActivityAt, c.Latest, c.Previous, now, o);
            if (reasons.Count == 0) continue;

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Volunteers
                .Where(v => v.Id == c.Id && v.Status == VolunteerStatus.Active && v.LastActivityAt == c.LastActivityAt
                            && (v.ReengagedAt == null || v.ReengagedAt < coolOffBefore))
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.AtRiskSince, v => v.AtRiskSince ?? now)
                    .SetProperty(v => v.AtRiskReasons, reasons).SetProperty(v => v.ReengagedAt, now), ct);
            if (claimed == 1)
            {
                var found = await (from v in db.Volunteers
                                   join r in db.Roles on v.RoleId equals r.Id
                                   join org in db.Organisations on v.OrganisationId equals org.Id
                                   where v.Id == c.Id
                                   select new { v.Name, v.Email, v.OrganisationId, OrganisationName = org.Name, org.ContactEmail, RoleTitle = r.Title })
                    .AsNoTracking().FirstAsync(ct);
                outbox.Add(new VolunteerAtRisk(c.Id, found.OrganisationId, found.OrganisationName, found.ContactEmail, found.RoleTitle,
                    found.Name, found.Email, reasons, c.LastActivityAt)
                { OccurredAt = now });
                await db.SaveChangesAsync(ct);
                sent++;
            }
            else
            {
                // Within the cool-off (or claimed by the other replica): keep the flag and its reasons current, send nothing.
                await db.Volunteers.Where(v => v.Id == c.Id && v.Status == VolunteerStatus.Active && v.LastActivityAt == c.LastActivityAt)
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.AtRiskSince, v => v.AtRiskSince ?? now).SetProperty(v => v.AtRiskReasons, reasons), ct);
            }
            await tx.CommitAsync(ct);
        }
        return sent;
    }

    public static List<string> Reasons(DateTimeOffset lastActivity, int? latest, int? previous, DateTimeOffset now, VolunteersOptions o)
    {
        var reasons = new List<string>();
        if (lastActivity < now - o.LapsePeriod)
            reasons.Add($"No activity logged for {(int)(now - lastActivity).TotalDays} days (since {lastActivity.UtcDateTime:yyyy-MM-dd}).");
        if (latest <= o.LowSatisfactionScore)
            reasons.Add($"Satisfaction {latest}/5 at the last check-in.");
        else if (latest < previous)
            reasons.Add($"Satisfaction fell from {previous}/5 to {latest}/5.");
        return reasons;
    }
}
