namespace Platform.Web.Manage.Volunteering;

/// <summary>The Volunteers service's organisation and staff paths, as the back office calls them (as the signed-in user).</summary>
public static class ManageVolunteeringApi
{
    public const string Profile = "api/volunteers/organisation/profile";
    public const string Roles = "api/volunteers/organisation/roles";
    public const string Applications = "api/volunteers/organisation/applications";
    public const string Volunteers = "api/volunteers/organisation/volunteers";
    public const string AtRisk = "api/volunteers/organisation/volunteers/at-risk";
    public const string Hours = "api/volunteers/organisation/hours";
    public const string ExpiringCredentials = "api/volunteers/organisation/credentials/expiring";
    public const string Retention = "api/volunteers/organisation/retention";
    public const string StaffOrganisations = "api/volunteers/staff/organisations";
    public const string StaffOverview = "api/volunteers/staff/overview";
    public const string StaffRetention = "api/volunteers/staff/retention";
    public const string StaffAtRisk = "api/volunteers/staff/volunteers/at-risk";

    public static string Role(Guid id) => $"{Roles}/{id}";

    public static string Application(Guid id) => $"{Applications}/{id}";

    /// <summary>The pipeline in order, with its two ways out; the board shows a column for each.</summary>
    public static readonly IReadOnlyList<(string Value, string Text)> Stages =
    [
        ("applied", "Applied"), ("screening", "Screening"), ("interview", "Interview"), ("backgroundCheck", "Background check"),
        ("onboarding", "Onboarding"), ("active", "Active"), ("declined", "Declined"), ("withdrawn", "Withdrawn"),
    ];

    public static string StageText(string value) =>
        Stages.FirstOrDefault(s => string.Equals(s.Value, value, StringComparison.OrdinalIgnoreCase)).Text ?? value;

    public static string RoleStatusText(string value) => value.ToLowerInvariant() switch
    {
        "draft" => "Draft",
        "open" => "Open",
        "filled" => "Filled",
        "closed" => "Closed",
        _ => value,
    };
}
