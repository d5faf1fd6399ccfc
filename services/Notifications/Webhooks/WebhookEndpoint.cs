namespace Platform.Notifications.Webhooks;

/// <summary>
/// A partner's HTTPS endpoint and the event types it wants. Owned by an organisation (the caller's org id): a partner
/// key, an organisation key or an organisation user of it manage it, and nobody else sees it.
/// </summary>
public sealed class WebhookEndpoint
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public required string Url { get; set; }
    public string Description { get; set; } = "";

    /// <summary>Space-separated <see cref="WebhookEventTypes"/>.</summary>
    public required string EventTypes { get; set; }

    /// <summary>
    /// The Standard Webhooks signing secret ("whsec_" + base64). Kept, not hashed: every delivery is signed with it.
    /// </summary>
    public required string Secret { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DeletedAt { get; set; }

    public IReadOnlyList<string> EventTypeList() => EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
