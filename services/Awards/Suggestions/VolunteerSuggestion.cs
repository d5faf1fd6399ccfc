namespace Platform.Awards.Suggestions;

/// <summary>
/// A volunteer's milestone, shown to staff as someone they might nominate. Never a nomination: a person has to
/// nominate, with a citation and consent, through the public form.
/// </summary>
public sealed class VolunteerSuggestion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid VolunteerId { get; init; }
    public Guid OrganisationId { get; init; }
    public required string OrganisationName { get; init; }
    public required string VolunteerName { get; init; }
    public required string Milestone { get; init; }
    public required string Description { get; init; }
    public DateTimeOffset ReachedAt { get; init; }
    public string? District { get; init; }
    public string? Category { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
}
