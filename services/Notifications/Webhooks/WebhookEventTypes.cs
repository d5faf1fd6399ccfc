namespace Platform.Notifications.Webhooks;

/// <summary>
/// What a partner may subscribe to. Public happenings go to every endpoint that asks for them; an organisation's
/// applications only to that organisation's endpoints, and never with the applicant's name, email or links.
/// </summary>
public static class WebhookEventTypes
{
    public const string EventPublished = "event.published";
    public const string EventChanged = "event.changed";
    public const string EventCancelled = "event.cancelled";
    public const string RoleOpened = "role.opened";
    public const string RoleClosed = "role.closed";
    public const string WinnersAnnounced = "awards.winners_announced";
    public const string ApplicationReceived = "application.received";
    public const string ApplicationStageChanged = "application.stage_changed";

    public static readonly IReadOnlyList<string> All =
    [
        EventPublished, EventChanged, EventCancelled, RoleOpened, RoleClosed, WinnersAnnounced,
        ApplicationReceived, ApplicationStageChanged,
    ];
}

public static class WebhookLimits
{
    public const int UrlLength = 2000;
    public const int DescriptionLength = 200;

    /// <summary>Endpoints one organisation may hold: enough for several systems, few enough that fan-out stays cheap.</summary>
    public const int EndpointsPerOrganisation = 10;
}
