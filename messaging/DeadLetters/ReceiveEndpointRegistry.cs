using System.Collections.Concurrent;

namespace Platform.Messaging;

/// <summary>
/// The queues this service consumes from, recorded as MassTransit configures them. Dead-letter administration
/// is limited to these, so an admin call can never read or move another service's messages.
/// </summary>
public sealed class ReceiveEndpointRegistry
{
    public const string ErrorQueueSuffix = "_error";

    private readonly ConcurrentDictionary<string, byte> _queues = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Queues => _queues.Keys.Order(StringComparer.Ordinal).ToArray();

    public void Add(string queueName) => _queues.TryAdd(queueName, 0);

    /// <summary>Accepts either the error queue's name or its source queue's, as long as it belongs to this service.</summary>
    public bool TryResolveSourceQueue(string queue, out string sourceQueue)
    {
        sourceQueue = queue.EndsWith(ErrorQueueSuffix, StringComparison.Ordinal) ? queue[..^ErrorQueueSuffix.Length] : queue;
        return _queues.ContainsKey(sourceQueue);
    }
}
