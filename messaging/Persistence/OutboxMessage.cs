namespace Platform.Messaging;

/// <summary>
/// An integration event waiting in the service's own database until the relay has handed it to the broker.
/// Shaped like MassTransit's EF Core <c>OutboxMessage</c> so the real package can replace it with a migration.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Database identity; the relay publishes in this order.</summary>
    public long SequenceNumber { get; set; }

    /// <summary>The event's <c>EventId</c>; it becomes the broker MessageId so a re-publish is recognisable downstream.</summary>
    public Guid MessageId { get; set; }

    /// <summary>CLR type name ("Namespace.Type, Assembly") used to deserialise <see cref="Body"/>.</summary>
    public required string MessageType { get; set; }

    public required string Body { get; set; }

    /// <summary>JSON object of string headers, including the W3C trace context captured when the event was added.</summary>
    public required string Headers { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }

    public int AttemptCount { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// Set when the relay gave up on the row (<see cref="OutboxOptions.MaxAttempts"/> failures about the row itself):
    /// a parked row no longer holds back later events, and waits as a dead letter until an operator replays it.
    /// </summary>
    public DateTime? ParkedAt { get; set; }
}
