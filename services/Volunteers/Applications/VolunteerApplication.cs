namespace Platform.Volunteers.Applications;

/// <summary>A member of the public's application for a role; no account, a manage link by email.</summary>
public sealed class VolunteerApplication
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid RoleId { get; init; }
    public Guid OrganisationId { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public string? Phone { get; init; }
    public AgeBand AgeBand { get; init; }
    public List<Roles.Availability> Availability { get; init; } = [];
    public List<string> Skills { get; init; } = [];
    public required string Motivation { get; init; }
    public string? Experience { get; init; }
    public bool Consent { get; init; }
    public string District { get; init; } = "";
    public ApplicationStage Stage { get; set; } = ApplicationStage.Applied;
    public required byte[] ManageTokenHash { get; init; }
    public DateTimeOffset ManageTokenExpiresAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<StageChange> History { get; init; } = [];
}

/// <summary>Bands rather than a date of birth: enough to check a role's minimum age, no more personal data than that.</summary>
public enum AgeBand { Under16, From16To17, From18To24, From25To34, From35To49, From50To64, Over65 }

/// <summary>One move along the pipeline: who, when, and why (declines and withdrawals need a reason).</summary>
public sealed class StageChange
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ApplicationId { get; init; }
    public ApplicationStage From { get; init; }
    public ApplicationStage To { get; init; }
    public string? Reason { get; init; }
    public required string ChangedBy { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
}
