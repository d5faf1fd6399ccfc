namespace Platform.Messaging;

/// <summary>
/// Proof that a consumer has already handled a message: a redelivery of the same (MessageId, ConsumerId) is skipped.
/// Written in the same transaction as the consumer's own changes, so it exists exactly when they do.
/// </summary>
public sealed class InboxState
{
    public long Id { get; set; }

    public Guid MessageId { get; set; }

    /// <summary>The receive endpoint (queue) name: one consumer per endpoint, so it identifies the consumer.</summary>
    public required string ConsumerId { get; set; }

    public DateTime ReceivedAt { get; set; }

    public DateTime ConsumedAt { get; set; }
}
