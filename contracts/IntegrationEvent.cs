namespace Platform.Contracts;

/// <summary>
/// Base of every integration event. <see cref="EventId"/> is the identity a consumer's inbox deduplicates on;
/// the outbox uses it as the broker message id, so a relay retry never looks like a new event.
/// </summary>
public abstract record IntegrationEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();
    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
