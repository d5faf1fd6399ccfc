namespace Platform.Volunteers.Roles;

/// <summary>A volunteer role an organisation posts. The Volunteers issue fills in category, district, checks and places.</summary>
public sealed class VolunteerRole
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public required string Title { get; set; }
    public DateOnly? ClosesOn { get; set; }
    public RoleStatus Status { get; set; } = RoleStatus.Draft;
}

public enum RoleStatus { Draft, Open, Filled, Closed }
