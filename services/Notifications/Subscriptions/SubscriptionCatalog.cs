namespace Platform.Notifications.Subscriptions;

/// <summary>The closed lists a subscriber chooses from; the API validates against these and publishes them.</summary>
public static class SubscriptionCatalog
{
    public static readonly IReadOnlyList<string> Topics = ["news", "events", "volunteering", "awards"];

    public static readonly IReadOnlyList<string> Frequencies = ["immediately", "daily", "weekly"];
}
