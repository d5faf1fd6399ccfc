namespace Platform.Notifications.Delivery;

public enum DeliveryStatus
{
    Sending,
    Sent,
}

/// <summary>
/// One email to one recipient because of one event. The unique (Kind, SourceEventId, Recipient) key is what
/// stops a redelivered or replayed event from sending the same email twice.
/// </summary>
public sealed class EmailDelivery
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Which email this is, e.g. "subscription-confirmation".</summary>
    public required string Kind { get; init; }

    public Guid SourceEventId { get; init; }

    /// <summary>The normalised (lower-case) address.</summary>
    public required string Recipient { get; init; }

    public DeliveryStatus Status { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime? SentAt { get; set; }
}
