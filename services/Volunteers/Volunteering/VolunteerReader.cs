using Microsoft.EntityFrameworkCore;
using Platform.Volunteers.Infrastructure;

namespace Platform.Volunteers.Volunteering;

public static class VolunteerReader
{
    public static async Task<VolunteerView> ViewAsync(this VolunteersDbContext db, Volunteer v, CancellationToken ct)
    {
        var title = await db.Roles.Where(r => r.Id == v.RoleId).Select(r => r.Title).FirstAsync(ct);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.VolunteerId == v.Id).ToListAsync(ct);
        var credentials = await db.Credentials.AsNoTracking().Where(c => c.VolunteerId == v.Id).ToListAsync(ct);
        return VolunteerView.Of(v, title, milestones, credentials);
    }

    public static async Task<VolunteerView> AfterLeavingViewAsync(this VolunteersDbContext db, Volunteer v, CancellationToken ct) =>
        VolunteerView.AfterLeaving(v, await db.Roles.Where(r => r.Id == v.RoleId).Select(r => r.Title).FirstAsync(ct));
}
