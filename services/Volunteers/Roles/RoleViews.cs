namespace Platform.Volunteers.Roles;

public sealed record RoleView(
    Guid Id, Guid OrganisationId, string OrganisationName, string Title, string Description, RoleCategory Category,
    string District, string? Location, bool Remote, IReadOnlyList<string> Skills, string TimeCommitment,
    IReadOnlyList<Availability> Availability, int MinimumAge, BackgroundCheck BackgroundCheck, int Places, int PlacesFilled,
    DateOnly? ClosesOn, RoleStatus Status, bool SendAlerts)
{
    public static RoleView Of(VolunteerRole r, string organisationName) =>
        new(r.Id, r.OrganisationId, organisationName, r.Title, r.Description, r.Category, r.District, r.Location, r.Remote,
            r.Skills, r.TimeCommitment, r.Availability, r.MinimumAge, r.BackgroundCheck, r.Places, r.PlacesFilled, r.ClosesOn, r.Status,
            r.SendAlerts);
}

/// <summary>One line of a search result: enough to choose, without the long description.</summary>
public sealed record RoleSummary(
    Guid Id, Guid OrganisationId, string OrganisationName, string Title, RoleCategory Category, string District, bool Remote,
    IReadOnlyList<string> Skills, string TimeCommitment, BackgroundCheck BackgroundCheck, int PlacesLeft, DateOnly? ClosesOn, RoleStatus Status);
