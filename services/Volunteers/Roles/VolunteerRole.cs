namespace Platform.Volunteers.Roles;

/// <summary>A volunteer role an organisation posts: Draft → Open → Filled or Closed.</summary>
public sealed class VolunteerRole
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public RoleCategory Category { get; set; }
    public required string District { get; set; }
    public string? Location { get; set; }
    public bool Remote { get; set; }
    public List<string> Skills { get; set; } = [];
    public required string TimeCommitment { get; set; }
    public List<Availability> Availability { get; set; } = [];
    public int MinimumAge { get; set; }
    public BackgroundCheck BackgroundCheck { get; set; }
    public int Places { get; set; }

    /// <summary>Applications that reached Active; the role is Filled when this reaches <see cref="Places"/>.</summary>
    public int PlacesFilled { get; set; }

    public DateOnly? ClosesOn { get; set; }
    public RoleStatus Status { get; set; } = RoleStatus.Draft;

    /// <summary>Whether opening it alerts volunteering subscribers in its district (RoleOpened carries it to Notifications).</summary>
    public bool SendAlerts { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}

public enum RoleStatus { Draft, Open, Filled, Closed }

public enum RoleCategory { RoadSafety, HomeSafety, YouthDiversion, ViolenceReduction, VictimSupport, CommunitySupport, Other }

public enum BackgroundCheck { None, Basic, Standard, Enhanced }

/// <summary>When a role needs people, and when an applicant can give time; matching compares the two.</summary>
public enum Availability { WeekdayDaytime, WeekdayEvenings, Weekends, Flexible }
