using Platform.Volunteers.Roles;

namespace Platform.Volunteers.Volunteering;

/// <summary>
/// An accepted application, now a volunteer with the organisation. Name, contact and skills are copied from the
/// application so that retention and matching read one row, and the application stays as it was submitted.
/// </summary>
public sealed class Volunteer
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public Guid RoleId { get; init; }
    public Guid ApplicationId { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public string? Phone { get; init; }
    public List<string> Skills { get; init; } = [];
    public List<Availability> Availability { get; init; } = [];
    public string District { get; init; } = "";
    /// <summary>SHA-256 of the volunteer's own link; replaced (the old link stops working) each time a fresh one is emailed.</summary>
    public required byte[] LinkTokenHash { get; set; }

    /// <summary>When the current link stops working (VolunteersOptions.VolunteerLinkLifetime after it was issued).</summary>
    public DateTimeOffset LinkExpiresAt { get; set; }

    /// <summary>When the volunteer last asked for a fresh link by email address (FreshVolunteerLinks); at most one per interval.</summary>
    public DateTimeOffset? LinkRequestedAt { get; set; }
    public VolunteerStatus Status { get; set; } = VolunteerStatus.Active;
    public DateTimeOffset StartedAt { get; init; }
    public DateOnly? ReturnsOn { get; set; }
    public DateTimeOffset? LeftAt { get; set; }
    public ExitReason? ExitReason { get; set; }
    public string? ExitSurvey { get; set; }

    /// <summary>Approved hours so far; hour milestones are read from it.</summary>
    public decimal ApprovedHours { get; set; }

    /// <summary>The latest of: starting, a logged session, a check-in. Lapse detection measures from here.</summary>
    public DateTimeOffset LastActivityAt { get; set; }

    public DateTimeOffset? AtRiskSince { get; set; }
    public List<string> AtRiskReasons { get; set; } = [];

    /// <summary>When the last re-engagement message was put in the outbox; none again within the cool-off.</summary>
    public DateTimeOffset? ReengagedAt { get; set; }
}

public enum VolunteerStatus { Active, Paused, Left }

public enum ExitReason { Moved, Work, Family, Health, LostInterest, NotValued, RoleEnded, Other }
