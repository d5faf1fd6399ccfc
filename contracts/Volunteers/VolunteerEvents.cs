namespace Platform.Contracts.Volunteers;

/// <summary>
/// A volunteer reached a milestone: "FirstSession", "Hours10", "Hours50", "Hours100", "Hours250", "Months6" or "Year1".
/// Notifications thanks the volunteer; Awards may use it to suggest nominees. Published once per volunteer and milestone.
/// </summary>
public sealed record MilestoneReached(
    Guid VolunteerId,
    Guid OrganisationId,
    string OrganisationName,
    Guid RoleId,
    string RoleTitle,
    string Category,
    string District,
    string Name,
    string Email,
    string Milestone,
    string Description,
    decimal TotalHours,
    DateTimeOffset ReachedAt) : IntegrationEvent;

/// <summary>
/// A volunteer was flagged at risk of drifting away; Notifications sends one re-engagement message. Published at most
/// once per volunteer within the service's cool-off period.
/// </summary>
public sealed record VolunteerAtRisk(
    Guid VolunteerId,
    Guid OrganisationId,
    string OrganisationName,
    string OrganisationContactEmail,
    string RoleTitle,
    string Name,
    string Email,
    IReadOnlyList<string> Reasons,
    DateTimeOffset? LastActivityAt) : IntegrationEvent;

/// <summary>A volunteer's background check or qualification lapses on <see cref="ExpiresOn"/>; sent once per expiry date.</summary>
public sealed record CheckExpiring(
    Guid CredentialId,
    Guid VolunteerId,
    Guid OrganisationId,
    string OrganisationName,
    string OrganisationContactEmail,
    string Name,
    string Email,
    string Kind,
    string Title,
    DateOnly ExpiresOn) : IntegrationEvent;

/// <summary>
/// A periodic check-in is due: a short satisfaction question the volunteer answers through a single-purpose link
/// (<see cref="CheckInToken"/>, valid until <see cref="ExpiresAt"/>; Volunteers keeps only its hash). It also
/// carries the volunteer's fresh own link (<see cref="VolunteerToken"/>, valid until <see cref="VolunteerLinkExpiresAt"/>),
/// which replaces the one they had: volunteer links expire and are renewed with each check-in.
/// </summary>
public sealed record CheckInDue(
    Guid VolunteerId,
    Guid OrganisationId,
    string OrganisationName,
    string RoleTitle,
    string Name,
    string Email,
    [property: LinkSecret] string CheckInToken,
    DateTimeOffset ExpiresAt,
    [property: LinkSecret] string? VolunteerToken = null,
    DateTimeOffset? VolunteerLinkExpiresAt = null) : IntegrationEvent;

/// <summary>
/// A volunteer who lost their link asked for a fresh one (by their email address): <see cref="VolunteerToken"/> replaces
/// the link they had (it stops working now) and works until <see cref="LinkExpiresAt"/>. Sent only to the address on
/// the volunteer's record.
/// </summary>
public sealed record VolunteerLinkRenewed(
    Guid VolunteerId,
    Guid OrganisationId,
    string OrganisationName,
    string RoleTitle,
    string Name,
    string Email,
    [property: LinkSecret] string VolunteerToken,
    DateTimeOffset LinkExpiresAt) : IntegrationEvent;
