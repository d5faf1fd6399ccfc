using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Volunteers;
using Platform.Messaging;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Volunteering;

namespace Platform.Volunteers.Retention;

/// <summary>
/// Recognises every milestone a volunteer has reached and not yet been thanked for. Call it with the volunteer row
/// locked (<see cref="VolunteerLocks.LockAsync"/>) in the transaction that changed it: the (volunteer, kind) key and
/// the lock together make each milestone, and its MilestoneReached, happen once.
/// </summary>
public sealed class MilestoneAwards(VolunteersDbContext db, IIntegrationEventOutbox outbox)
{
    public async Task<IReadOnlyList<MilestoneKind>> AwardDueAsync(Volunteer v, bool hasApprovedSession, DateTimeOffset now, CancellationToken ct)
    {
        var due = Due(v, hasApprovedSession, now);
        if (due.Count == 0) return [];
        var have = await db.Milestones.Where(m => m.VolunteerId == v.Id).Select(m => m.Kind).ToListAsync(ct);
        var fresh = due.Except(have).ToList();
        if (fresh.Count == 0) return [];

        var context = await (from r in db.Roles
                             join o in db.Organisations on r.OrganisationId equals o.Id
                             where r.Id == v.RoleId
                             select new { r.Title, r.Category, r.District, o.Name }).FirstAsync(ct);
        foreach (var kind in fresh)
        {
            db.Milestones.Add(new Milestone { VolunteerId = v.Id, Kind = kind, ReachedAt = now });
            outbox.Add(new MilestoneReached(v.Id, v.OrganisationId, context.Name, v.RoleId, context.Title, context.Category.ToString(),
                context.District, v.Name, v.Email, kind.ToString(), Milestones.Describe(kind), v.ApprovedHours, now)
            { OccurredAt = now });
        }
        return fresh;
    }

    public static List<MilestoneKind> Due(Volunteer v, bool hasApprovedSession, DateTimeOffset now)
    {
        var due = new List<MilestoneKind>();
        if (hasApprovedSession) due.Add(MilestoneKind.FirstSession);
        due.AddRange(Milestones.HourMilestones.Where(h => v.ApprovedHours >= h.Hours).Select(h => h.Kind));
        if (v.Status != VolunteerStatus.Left)
        {
            if (v.StartedAt.AddMonths(6) <= now) due.Add(MilestoneKind.Months6);
            if (v.StartedAt.AddYears(1) <= now) due.Add(MilestoneKind.Year1);
        }
        return due;
    }
}
