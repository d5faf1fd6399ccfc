using Microsoft.EntityFrameworkCore;
using Platform.Volunteers.Infrastructure;

namespace Platform.Volunteers.Volunteering;

public static class VolunteerLocks
{
    /// <summary>
    /// Reads a volunteer row FOR UPDATE inside the caller's transaction: hours per day, approved totals and milestones
    /// are checked and written under it, so two requests (or two replicas' sweeps) for one volunteer take turns.
    /// </summary>
    public static Task<Volunteer?> LockAsync(this VolunteersDbContext db, Guid id, Guid? organisationId, CancellationToken ct) =>
        db.Volunteers.FromSql($"SELECT * FROM volunteer WHERE id = {id} FOR UPDATE")
            .Where(v => organisationId == null || v.OrganisationId == organisationId)
            .FirstOrDefaultAsync(ct);

    /// <summary>Any logged session or check-in counts as activity, and ends an at-risk flag (the cool-off stays).</summary>
    public static void RecordActivity(this Volunteer v, DateTimeOffset at)
    {
        if (at > v.LastActivityAt) v.LastActivityAt = at;
        v.AtRiskSince = null;
        v.AtRiskReasons = [];
    }
}
