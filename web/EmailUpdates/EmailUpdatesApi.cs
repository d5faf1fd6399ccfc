using Platform.Web.Api;

namespace Platform.Web.EmailUpdates;

/// <summary>GET /api/notifications/topics: the topics and frequencies a subscriber can choose.</summary>
public sealed record TopicCatalogue(IReadOnlyList<string> Topics, IReadOnlyList<string> Frequencies);

/// <summary>GET /api/reference/districts.</summary>
public sealed record DistrictList(IReadOnlyList<string> Districts);

/// <summary>GET /api/notifications/manage/{token}: the subscription a manage link belongs to.</summary>
public sealed record SubscriptionView(string Email, IReadOnlyList<string> Topics, IReadOnlyList<string> Districts, string Frequency, string Status);

/// <summary>What a visitor chose on the sign-up or manage form (the email only on sign-up).</summary>
public sealed class ChoicesForm
{
    public string? Email { get; set; }
    public List<string> Topics { get; set; } = [];
    public string? Frequency { get; set; }
    public List<string> Districts { get; set; } = [];
}

/// <summary>What the choice fieldsets need: the catalogue, the districts and the visitor's choices so far.</summary>
public sealed record ChoicesView(TopicCatalogue Catalogue, IReadOnlyList<string> AllDistricts, ChoicesForm Form);

/// <summary>The Notifications calls the email-updates pages make, and the words the pages use for its values.</summary>
public static class EmailUpdatesApi
{
    /// <summary>The API's JSON field names mapped to the form's, so its errors show next to the right field.</summary>
    public static readonly IReadOnlyDictionary<string, string> Fields = new Dictionary<string, string>
    {
        ["email"] = "Form.Email",
        ["topics"] = "Form.Topics",
        ["frequency"] = "Form.Frequency",
        ["districts"] = "Form.Districts",
    };

    public static async Task<ChoicesView> ChoicesAsync(this SharedReads reads, ChoicesForm form, CancellationToken ct)
    {
        var catalogue = await reads.GetAsync<TopicCatalogue>("api/notifications/topics", Freshness.ReferenceData, ct);
        var districts = await reads.GetAsync<DistrictList>("api/reference/districts", Freshness.ReferenceData, ct);
        return new ChoicesView(
            catalogue.Value ?? throw new PlatformUnavailableException("The topic catalogue could not be read."),
            districts.Value?.Districts ?? throw new PlatformUnavailableException("The districts could not be read."),
            form);
    }

    public static string TopicName(string topic) => topic switch
    {
        "news" => "News from the partnership",
        "events" => "Conferences and training days",
        "volunteering" => "Volunteering opportunities",
        "awards" => "Community Safety Hero Awards",
        _ => topic,
    };

    public static string? TopicHint(string topic) => topic switch
    {
        "events" or "volunteering" => "You can narrow this to your districts below.",
        _ => null,
    };

    public static string FrequencyName(string frequency) => frequency switch
    {
        "immediately" => "As soon as something is published",
        "daily" => "Once a day, in one email",
        "weekly" => "Once a week, in one email",
        _ => frequency,
    };

    public static string Token(string token) => Uri.EscapeDataString(token);
}
