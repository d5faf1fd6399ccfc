namespace Platform.Web.Volunteering;

// The JSON the Volunteers service reads and writes, as the site uses it (services/Volunteers: RoleViews, ApplicationViews,
// VolunteerViews, HoursRequest, CheckInApi). Enums are camelCase strings on the wire, kept as strings here so a value the
// site does not know yet still shows rather than failing the page.

/// <summary>One line of the public role search (GET /api/volunteers/roles).</summary>
public sealed record RoleSummary(
    Guid Id, Guid OrganisationId, string OrganisationName, string Title, string Category, string District, bool Remote,
    IReadOnlyList<string> Skills, string TimeCommitment, string BackgroundCheck, int PlacesLeft, DateOnly? ClosesOn, string Status);

/// <summary>A role's own page (GET /api/volunteers/roles/{id}).</summary>
public sealed record RoleView(
    Guid Id, Guid OrganisationId, string OrganisationName, string Title, string Description, string Category,
    string District, string? Location, bool Remote, IReadOnlyList<string> Skills, string TimeCommitment,
    IReadOnlyList<string> Availability, int MinimumAge, string BackgroundCheck, int Places, int PlacesFilled,
    DateOnly? ClosesOn, string Status)
{
    public int PlacesLeft => Math.Max(0, Places - PlacesFilled);
}

public sealed record DistrictList(IReadOnlyList<string>? Districts);

/// <summary>POST /api/volunteers/roles/{roleId}/applications.</summary>
public sealed record ApplicationRequest(
    string? Name, string? Email, string? Phone, string? AgeBand, IReadOnlyList<string> Availability, IReadOnlyList<string> Skills,
    string? District, string? Motivation, string? Experience, bool Consent);

public sealed record ApplicationCreated(Guid Id, Guid RoleId, string Stage);

public sealed record StageChangeView(string From, string To, string? Reason, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>What the applicant's manage link shows (GET /api/volunteers/applications/{token}).</summary>
public sealed record ManagedApplication(
    Guid Id, Guid RoleId, string RoleTitle, string OrganisationName, string Stage, DateTimeOffset CreatedAt,
    IReadOnlyList<StageChangeView> History);

public sealed record WithdrawRequest(string? Reason);

public sealed record MilestoneView(string Kind, string Description, DateTimeOffset ReachedAt);

/// <summary>The volunteer's own record (GET /api/volunteers/volunteering/{token}).</summary>
public sealed record VolunteerRecord(
    Guid Id, Guid RoleId, string RoleTitle, string Name, string District, string Status, DateOnly StartedOn, DateOnly? ReturnsOn,
    DateTimeOffset? LeftAt, string? ExitReason, decimal ApprovedHours, IReadOnlyList<MilestoneView> Milestones);

public sealed record HoursRequest(DateOnly? Date, decimal? Hours, string? Activity);

public sealed record HoursLogged(Guid Id, DateOnly Date, decimal Hours, string? Activity, string Status);

public sealed record LeaveRequest(string? Reason, string? ExitSurvey);

/// <summary>The periodic check-in behind its own link (GET /api/volunteers/check-ins/{token}).</summary>
public sealed record CheckInQuestion(string Name, string RoleTitle, string OrganisationName, string Question, DateTimeOffset ExpiresAt, bool Answered);

public sealed record CheckInAnswer(int? Score, string? Comment);

public sealed record PauseRequest(DateOnly? ReturnsOn);

/// <summary>One of the volunteer's own hours entries (GET /api/volunteers/volunteering/{token}/hours).</summary>
public sealed record HoursEntry(Guid Id, DateOnly Date, decimal Hours, string? Activity, string LoggedBy, string Status, DateTimeOffset LoggedAt);
