namespace Platform.Contracts.Volunteers;

/// <summary>A role became visible to the public: opened by an approved organisation, or its organisation was approved.</summary>
/// <param name="SendAlerts">False for a role kept out of Notifications' automatic alerts to volunteering subscribers.</param>
public sealed record RoleOpened(
    Guid RoleId,
    Guid OrganisationId,
    string OrganisationName,
    string Title,
    string Category,
    string District,
    bool Remote,
    DateOnly? ClosesOn,
    bool SendAlerts = true) : IntegrationEvent;

/// <summary>A role stopped taking applications. <see cref="Reason"/> is "Filled", "Closed" (by the organisation) or "ClosingDate".</summary>
public sealed record RoleClosed(
    Guid RoleId,
    Guid OrganisationId,
    string Title,
    string Status,
    string Reason) : IntegrationEvent;
