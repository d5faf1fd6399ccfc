using Platform.Web.Volunteering;

namespace Platform.Web.Manage.Volunteering;

// The Volunteers service's organisation and staff JSON as the back office reads and writes it (services/Volunteers:
// Organisations, Roles, Applications, Volunteering, Hours, Credentials, Retention, Oversight). Enums stay strings, as on
// the public pages (web/Volunteering/VolunteeringRecords.cs), whose role and history records these share.

public sealed record OrganisationProfile(
    Guid Id, string Name, string? CharityNumber, IReadOnlyList<string> Districts, string ContactName, string ContactEmail,
    string? ContactPhone, string Status, DateTimeOffset RegisteredAt);

public sealed record OrganisationProfileBody(
    string? Name, string? CharityNumber, IReadOnlyList<string> Districts, string? ContactName, string? ContactEmail, string? ContactPhone);

public sealed record RoleBody(
    string? Title, string? Description, string? Category, string? District, string? Location, bool Remote, IReadOnlyList<string> Skills,
    string? TimeCommitment, IReadOnlyList<string> Availability, int? MinimumAge, string? BackgroundCheck, int? Places, DateOnly? ClosesOn,
    bool? SendAlerts = null);

/// <summary>An application as the organisation sees it, with where it may go next and how it got here.</summary>
public sealed record OrganisationApplication(
    Guid Id, Guid RoleId, string RoleTitle, string Name, string Email, string? Phone, string AgeBand, IReadOnlyList<string> Availability,
    IReadOnlyList<string> Skills, string District, string Motivation, string? Experience, string Stage, IReadOnlyList<string> NextStages,
    DateTimeOffset CreatedAt, IReadOnlyList<StageChangeView> History, Guid? VolunteerId);

public sealed record StageChangeBody(string? Stage, string? Reason);

public sealed record CredentialLine(Guid Id, string Kind, string Title, DateOnly? IssuedOn, DateOnly? ExpiresOn);

public sealed record OrganisationVolunteer(
    Guid Id, Guid RoleId, string RoleTitle, string Name, string Email, string Status, DateOnly StartedOn, DateOnly? ReturnsOn,
    decimal ApprovedHours, bool AtRisk, IReadOnlyList<string> AtRiskReasons, IReadOnlyList<CredentialLine> Credentials);

public sealed record OrganisationHours(Guid Id, Guid VolunteerId, DateOnly Date, decimal Hours, string? Activity, string LoggedBy, string Status, DateTimeOffset LoggedAt);

public sealed record ExpiringCredential(Guid Id, Guid VolunteerId, string VolunteerName, string Kind, string Title, DateOnly ExpiresOn, bool Expired);

public sealed record AtRiskVolunteer(Guid Id, string Name, DateTimeOffset AtRiskSince, IReadOnlyList<string> Reasons, DateTimeOffset LastActivityAt);

/// <summary>Staff's at-risk list across every organisation.</summary>
public sealed record StaffAtRiskVolunteer(Guid Id, Guid OrganisationId, string OrganisationName, string Name, DateTimeOffset AtRiskSince,
    IReadOnlyList<string> Reasons, DateTimeOffset LastActivityAt);

public sealed record RetainedShare(int Months, int Eligible, int Retained, double? Share);

public sealed record RetentionGroup(string Group, int Volunteers, int StillWithUs, IReadOnlyList<RetainedShare> Retained, double? MedianTenureDays);

public sealed record RetentionReport(string GroupBy, DateTimeOffset AsOf, IReadOnlyList<RetentionGroup> Groups);

public sealed record VolunteeringOverview(
    IReadOnlyDictionary<string, int> Organisations, IReadOnlyDictionary<string, int> Roles, IReadOnlyDictionary<string, int> Volunteers, int AtRisk)
{
    /// <summary>The count for a status, whichever way the service spells its enum keys.</summary>
    public static int Count(IReadOnlyDictionary<string, int> counts, string status) =>
        counts.FirstOrDefault(c => string.Equals(c.Key, status, StringComparison.OrdinalIgnoreCase)).Value;
}
