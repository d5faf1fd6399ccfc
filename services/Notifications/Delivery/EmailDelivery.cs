namespace Platform.Notifications.Delivery;

public enum DeliveryStatus
{
    /// <summary>Waiting for the sender (or for its next attempt after a transient failure).</summary>
    Queued,

    /// <summary>Claimed by a sender until <see cref="EmailDelivery.ClaimedUntil"/>; a crashed sender's claim lapses.</summary>
    Sending,

    Sent,

    /// <summary>The mail server refused the address for good; the address is suppressed.</summary>
    Failed,

    /// <summary>Not sent because the address is on the suppression list.</summary>
    Suppressed,

    /// <summary>Not sent because the subscriber left (unsubscribed or erased) before it went.</summary>
    Cancelled,
}

/// <summary>Which queue a message waits in: transactional mail goes ahead of bulk news and digests.</summary>
public enum DeliveryPriority
{
    Transactional = 0,
    Bulk = 1,
}

/// <summary>
/// One email to one recipient because of one event: the durable outgoing queue and the delivery record in one row.
/// The unique (Kind, SourceEventId, Recipient) key is what stops a redelivered or replayed event from sending the
/// same email twice. The rendered parts are dropped once sent; a bulk item for a subscriber is rendered when sent
/// (from <see cref="NewsPostId"/>), so a fan-out to thousands is one insert.
/// </summary>
public sealed class EmailDelivery
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Which email this is, e.g. "subscription-confirmation".</summary>
    public required string Kind { get; init; }

    public Guid SourceEventId { get; init; }

    /// <summary>The normalised (lower-case) address; its fingerprint once the address has been erased.</summary>
    public required string Recipient { get; set; }

    /// <summary>The address as given, to send to; cleared once sent.</summary>
    public string? Address { get; set; }

    public DeliveryStatus Status { get; set; }

    public DeliveryPriority Priority { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? SentAt { get; set; }

    /// <summary>
    /// When the sender finished writing the message to the mail server, just before the end of data that commits it
    /// there. Set and the sender gone before recording the answer: the message is counted sent, not sent again.
    /// </summary>
    public DateTime? HandedOverAt { get; set; }

    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    public DateTime? FailedAt { get; set; }

    public string? FailureReason { get; set; }

    /// <summary>Set for mail to a subscriber: its manage and one-click unsubscribe links are added when sent.</summary>
    public Guid? SubscriberId { get; init; }

    /// <summary>Set for an immediate news email, rendered when sent.</summary>
    public Guid? NewsPostId { get; init; }

    public string? Subject { get; set; }

    public string? TextBody { get; set; }

    public string? HtmlBody { get; set; }

    /// <summary>The attachments as JSON, for the few messages that have them (the .ics).</summary>
    public string? Attachments { get; set; }
}
