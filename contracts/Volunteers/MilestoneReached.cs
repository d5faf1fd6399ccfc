namespace Platform.Contracts.Volunteers;

/// <summary>
/// A volunteer reached a milestone (hours given, years served, ...). Awards shows these to staff as possible
/// nominees for the Community Safety Hero Awards; they are never nominations by themselves.
/// </summary>
public sealed record MilestoneReached(
    Guid VolunteerId,
    Guid OrganisationId,
    string OrganisationName,
    string VolunteerName,
    string Milestone,
    string Description,
    DateTimeOffset ReachedAt,
    string? District,
    string? Category) : IntegrationEvent;
