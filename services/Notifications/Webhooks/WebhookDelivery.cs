namespace Platform.Notifications.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its next attempt (the first, or a retry).</summary>
    Pending,
    Delivered,

    /// <summary>Every attempt within the retry period failed; a replay makes it pending again.</summary>
    Failed,
}

/// <summary>
/// One event for one endpoint. <see cref="MessageId"/> is the Standard Webhooks "webhook-id": the same on every
/// attempt and replay of this message (and for every endpoint the event went to), so a receiver drops a copy it has had.
/// </summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid EndpointId { get; init; }

    /// <summary>The integration event this message tells of: one message per endpoint and event.</summary>
    public Guid SourceEventId { get; init; }

    public required string MessageId { get; init; }
    public required string EventType { get; init; }

    /// <summary>The JSON body, exactly as signed and sent.</summary>
    public required string Payload { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
    public WebhookDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Retries stop after this (the retry period from the first attempt, or from a replay).</summary>
    public DateTimeOffset RetryUntil { get; set; }

    /// <summary>A dispatcher's claim while it sends; a crashed one's lapses and another sends.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }
    public List<WebhookAttempt> History { get; init; } = [];
}

/// <summary>One try at sending a message: what the endpoint answered (a status) or why there was no answer.</summary>
public sealed class WebhookAttempt
{
    public long Id { get; init; }
    public Guid DeliveryId { get; init; }
    public DateTimeOffset At { get; init; }
    public int? StatusCode { get; init; }
    public string? Error { get; init; }
    public int DurationMilliseconds { get; init; }
}
