namespace Platform.Messaging;

/// <summary>The relay's one dependency on the broker, so tests can make publishing fail on demand.</summary>
internal interface IOutboxMessagePublisher
{
    /// <summary>Completes only once the broker has confirmed the message; throws otherwise.</summary>
    Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken);
}
