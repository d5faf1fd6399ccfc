using Platform.Contracts.Volunteers;
using Platform.Volunteers.Organisations;

namespace Platform.Volunteers.Roles;

public static class RoleMessages
{
    public static RoleOpened Opened(VolunteerRole r, Organisation o, DateTimeOffset now) =>
        new(r.Id, o.Id, o.Name, r.Title, r.Category.ToString(), r.District, r.Remote, r.ClosesOn, r.SendAlerts) { OccurredAt = now };

    public static RoleClosed Closed(VolunteerRole r, string reason, DateTimeOffset now) =>
        new(r.Id, r.OrganisationId, r.Title, r.Status.ToString(), reason) { OccurredAt = now };
}
