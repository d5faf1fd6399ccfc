namespace Platform.Notifications.Subscriptions;

/// <summary>The closed lists a subscriber chooses from; the API validates against these and publishes them.</summary>
public static class SubscriptionCatalog
{
    public const string News = "news";
    public const string Events = "events";
    public const string Volunteering = "volunteering";
    public const string Awards = "awards";

    public const string Immediately = "immediately";
    public const string Daily = "daily";
    public const string Weekly = "weekly";

    public static readonly IReadOnlyList<string> Topics = [News, Events, Volunteering, Awards];

    public static readonly IReadOnlyList<string> Frequencies = [Immediately, Daily, Weekly];

    /// <summary>Only these topics are narrowed by district; news and awards go county-wide.</summary>
    public static readonly IReadOnlyList<string> DistrictTopics = [Events, Volunteering];

    public static bool HasDistricts(string topic) => DistrictTopics.Contains(topic);
}
