namespace Platform.Contracts.Volunteers;

/// <summary>
/// A member of the public applied for a role. <see cref="ManageToken"/> is the only copy of the manage link's secret
/// outside the applicant's mailbox (Volunteers keeps its hash).
/// </summary>
public sealed record ApplicationReceived(
    Guid ApplicationId,
    Guid RoleId,
    Guid OrganisationId,
    string OrganisationName,
    string RoleTitle,
    string Name,
    string Email,
    [property: LinkSecret] string ManageToken) : IntegrationEvent;

/// <summary>
/// An application moved along the recruitment pipeline. When it reaches Active, <see cref="VolunteerToken"/> carries
/// the secret of the volunteer's own link (logging hours, check-ins); otherwise it is null.
/// </summary>
public sealed record ApplicationStatusChanged(
    Guid ApplicationId,
    Guid RoleId,
    Guid OrganisationId,
    string OrganisationName,
    string RoleTitle,
    string Name,
    string Email,
    string From,
    string To,
    string? Reason,
    string ChangedBy,
    Guid? VolunteerId,
    [property: LinkSecret] string? VolunteerToken) : IntegrationEvent;
