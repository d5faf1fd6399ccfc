namespace Platform.Web.Manage.Awards;

/// <summary>The Awards service's staff and judging paths, as the back office calls them (as the signed-in user).</summary>
public static class ManageAwardsApi
{
    public const string Programmes = "api/awards/programmes";
    public const string CeremonyEvents = "api/awards/ceremony-events";
    public const string JudgePanels = "api/awards/judging/panels";

    public static string Programme(Guid id) => $"{Programmes}/{id}";

    public static string Category(Guid id) => $"api/awards/categories/{id}";

    public static string Screening(Guid nominationId) => $"api/awards/nominations/{nominationId}/screening";

    public static string JudgeNominees(Guid categoryId) => $"api/awards/judging/categories/{categoryId}/nominees";

    public static string JudgeNominee(Guid nomineeId) => $"api/awards/judging/nominees/{nomineeId}";

    public static string NominationStatus(string value) => value.ToLowerInvariant() switch
    {
        "received" => "To screen",
        "eligible" => "Eligible",
        "ineligible" => "Ineligible",
        "merged" => "Merged duplicate",
        "withdrawn" => "Withdrawn",
        _ => value,
    };

    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>A time typed in a form (the county's own clock, as every awards page shows times) as an instant.</summary>
    public static DateTimeOffset? FromLondon(DateTime? local) =>
        local is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Unspecified), London.GetUtcOffset(DateTime.SpecifyKind(t, DateTimeKind.Unspecified))) : null;

    /// <summary>An instant as a datetime-local input's value, in the county's own time.</summary>
    public static string ToLondonInput(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, London).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
