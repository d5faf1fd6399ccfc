namespace Platform.Volunteers.Hours;

/// <summary>Time a volunteer gave on one day, logged by them (by link) or by the organisation, approved by the organisation.</summary>
public sealed class HoursEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid VolunteerId { get; init; }
    public Guid OrganisationId { get; init; }
    public DateOnly Date { get; init; }
    public decimal Hours { get; init; }
    public string? Activity { get; init; }
    public HoursLoggedBy LoggedBy { get; init; }
    public HoursStatus Status { get; set; } = HoursStatus.Pending;
    public DateTimeOffset LoggedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
}

public enum HoursLoggedBy { Volunteer, Organisation }

public enum HoursStatus { Pending, Approved, Rejected }
