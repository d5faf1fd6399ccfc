using Platform.Contracts.Volunteers;
using Platform.Volunteers.Organisations;
using Platform.Volunteers.Roles;

namespace Platform.Volunteers.Applications;

public static class ApplicationMessages
{
    public static ApplicationReceived Received(VolunteerApplication a, VolunteerRole r, Organisation o, string manageToken, DateTimeOffset now) =>
        new(a.Id, r.Id, o.Id, o.Name, r.Title, a.Name, a.Email, manageToken) { OccurredAt = now };

    public static ApplicationStatusChanged StatusChanged(
        VolunteerApplication a, VolunteerRole r, Organisation o, StageChange change, Guid? volunteerId, string? volunteerToken) =>
        new(a.Id, r.Id, o.Id, o.Name, r.Title, a.Name, a.Email, change.From.ToString(), change.To.ToString(), change.Reason,
            change.ChangedBy, volunteerId, volunteerToken)
        { OccurredAt = change.ChangedAt };
}
