namespace Platform.Volunteers.Applications;

public sealed record StageChangeView(ApplicationStage From, ApplicationStage To, string? Reason, string ChangedBy, DateTimeOffset ChangedAt);

public sealed record ApplicationView(
    Guid Id, Guid RoleId, string RoleTitle, string Name, string Email, string? Phone, AgeBand AgeBand,
    IReadOnlyList<Roles.Availability> Availability, IReadOnlyList<string> Skills, string District, string Motivation, string? Experience,
    ApplicationStage Stage, IReadOnlyList<ApplicationStage> NextStages, DateTimeOffset CreatedAt, IReadOnlyList<StageChangeView> History,
    Guid? VolunteerId)
{
    public static ApplicationView Of(VolunteerApplication a, Roles.VolunteerRole role, Guid? volunteerId) =>
        new(a.Id, a.RoleId, role.Title, a.Name, a.Email, a.Phone, a.AgeBand, a.Availability, a.Skills, a.District, a.Motivation, a.Experience,
            a.Stage, Pipeline.NextStages(a.Stage, role.BackgroundCheck), a.CreatedAt,
            a.History.OrderBy(h => h.ChangedAt).ThenBy(h => h.Id).Select(h => new StageChangeView(h.From, h.To, h.Reason, h.ChangedBy, h.ChangedAt)).ToList(),
            volunteerId);
}

/// <summary>What an applicant sees through the manage link: their own answers and where the application stands.</summary>
public sealed record ManagedApplicationView(
    Guid Id, Guid RoleId, string RoleTitle, string OrganisationName, ApplicationStage Stage, DateTimeOffset CreatedAt,
    IReadOnlyList<StageChangeView> History);

public sealed record ApplicationCreated(Guid Id, Guid RoleId, ApplicationStage Stage, string ManageToken);
