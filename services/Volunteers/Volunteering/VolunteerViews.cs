using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.Serialization;
using Platform.Volunteers.Credentials;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Retention;
using Platform.ServiceDefaults.Text;

namespace Platform.Volunteers.Volunteering;

public sealed record CredentialView(Guid Id, CredentialKind Kind, string Title, DateOnly? IssuedOn, DateOnly? ExpiresOn)
{
    public static CredentialView Of(Credential c) => new(c.Id, c.Kind, c.Title, c.IssuedOn, c.ExpiresOn);
}

public sealed record MilestoneView(MilestoneKind Kind, string Description, DateTimeOffset ReachedAt);

public sealed record VolunteerView(
    Guid Id, Guid RoleId, string RoleTitle, Guid ApplicationId, string Name, string Email, string? Phone, IReadOnlyList<string> Skills,
    string District, VolunteerStatus Status, DateTimeOffset StartedAt, DateOnly StartedOn, DateOnly? ReturnsOn, DateTimeOffset? LeftAt,
    ExitReason? ExitReason, string? ExitSurvey, decimal ApprovedHours, DateTimeOffset LastActivityAt, bool AtRisk, IReadOnlyList<string> AtRiskReasons,
    IReadOnlyList<MilestoneView> Milestones, IReadOnlyList<CredentialView> Credentials)
{
    public static VolunteerView Of(Volunteer v, string roleTitle, IEnumerable<Milestone> milestones, IEnumerable<Credential> credentials) =>
        new(v.Id, v.RoleId, roleTitle, v.ApplicationId, v.Name, v.Email, v.Phone, v.Skills, v.District, v.Status, v.StartedAt,
            DateOnly.FromDateTime(v.StartedAt.UtcDateTime), v.ReturnsOn, v.LeftAt, v.ExitReason, v.ExitSurvey, v.ApprovedHours, v.LastActivityAt,
            v.AtRiskSince is not null, v.AtRiskReasons,
            milestones.OrderBy(m => m.ReachedAt).ThenBy(m => m.Kind).Select(m => new MilestoneView(m.Kind, Retention.Milestones.Describe(m.Kind), m.ReachedAt)).ToList(),
            credentials.OrderBy(c => c.ExpiresOn).Select(CredentialView.Of).ToList());

    /// <summary>
    /// What the volunteer's link shows once they have left: that they have left, from which role, and when. Their
    /// contact details, skills, district, hours, exit survey, milestones and credentials are no longer the link's to
    /// show (a link outlives the volunteering in old emails and shared inboxes); the organisation still has them.
    /// </summary>
    public static VolunteerView AfterLeaving(Volunteer v, string roleTitle) =>
        new(v.Id, v.RoleId, roleTitle, v.ApplicationId, v.Name, "", null, [], "", v.Status, v.StartedAt,
            DateOnly.FromDateTime(v.StartedAt.UtcDateTime), null, v.LeftAt, null, null, 0, v.LastActivityAt, false, [], [], []);
}

/// <summary>One line of the organisation's at-risk list: who, why, and whether they have been sent a re-engagement message.</summary>
public sealed record AtRiskView(Guid Id, string Name, string Email, Guid RoleId, DateTimeOffset AtRiskSince, IReadOnlyList<string> Reasons,
    DateTimeOffset LastActivityAt, DateTimeOffset? ReengagedAt);

/// <summary>A break until a return date, recorded by the organisation or by the volunteer through their link.</summary>
/// <summary>A volunteer who lost their link asks for a fresh one at their address.</summary>
public sealed record FreshLinkRequest(string? Email);

public sealed record PauseRequest(DateOnly? ReturnsOn)
{
    public ValidationErrors Validate(DateOnly today)
    {
        var errors = new ValidationErrors();
        errors.AddIf(ReturnsOn is null || ReturnsOn <= today, "returnsOn", "'returnsOn' is required and must be after today.");
        return errors;
    }

    /// <returns>False when the volunteer has left (nothing changed).</returns>
    public bool ApplyTo(Volunteer v)
    {
        if (v.Status == VolunteerStatus.Left) return false;
        v.Status = VolunteerStatus.Paused;
        v.ReturnsOn = ReturnsOn;
        v.AtRiskSince = null;
        v.AtRiskReasons = [];
        return true;
    }
}

/// <summary>Leaving, recorded by the organisation or by the volunteer through their link; the exit survey is optional.</summary>
public sealed record LeaveRequest(ExitReason? Reason, [MultiLineText] string? ExitSurvey)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.AddIf(Reason is null, "reason", $"An exit 'reason' is required: {string.Join(", ", EnumSpelling.Names<ExitReason>())}.");
        Text.Optional(errors, "exitSurvey", ExitSurvey, Limits.LongText);
        return errors;
    }

    /// <returns>False when the volunteer had already left (nothing changed).</returns>
    public bool ApplyTo(Volunteer v, DateTimeOffset now)
    {
        if (v.Status == VolunteerStatus.Left) return false;
        v.Status = VolunteerStatus.Left;
        v.LeftAt = now;
        v.ExitReason = Reason;
        v.ExitSurvey = Text.Trimmed(ExitSurvey);
        v.ReturnsOn = null;
        v.AtRiskSince = null;
        v.AtRiskReasons = [];
        return true;
    }
}
