using System.Text.Json;
using MassTransit;

namespace Platform.Messaging;

/// <summary>
/// Publishes a stored row through MassTransit with the event's id as MessageId. With publisher confirms on
/// (set on the RabbitMQ host) <c>Publish</c> completes only after the broker has taken responsibility.
/// </summary>
internal sealed class BusOutboxMessagePublisher(IBus bus) : IOutboxMessagePublisher
{
    public async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = OutboxMessageTypes.Resolve(message.MessageType);
        var body = JsonSerializer.Deserialize(message.Body, type, OutboxMessageTypes.JsonOptions)
            ?? throw new InvalidOperationException($"Outbox message {message.MessageId} has an empty body.");
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(message.Headers, OutboxMessageTypes.JsonOptions)
            ?? [];

        using var activity = OutboxTraceContext.StartPublishActivity(headers, type.Name);

        await bus.Publish(body, type, Pipe.Execute<PublishContext>(context =>
        {
            context.MessageId = message.MessageId;
            foreach (var (key, value) in headers)
            {
                // Trace headers travel through the activity above; MassTransit writes its own from it.
                if (key is not (OutboxTraceContext.TraceParentHeader or OutboxTraceContext.TraceStateHeader))
                {
                    context.Headers.Set(key, value);
                }
            }
        }), cancellationToken);
    }
}
