using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Platform.Messaging;

/// <summary>
/// Reads and replays this service's MassTransit error queues (<c>&lt;queue&gt;_error</c>) over plain AMQP.
/// A connection per call: these are rare operator actions, not worth holding a connection for. The outbox's parked
/// rows follow, as one more queue (<c>outbox</c>).
/// </summary>
public sealed partial class DeadLetters(
    BrokerAddress broker,
    ReceiveEndpointRegistry endpoints,
    IOutboxDeadLetters outbox,
    IOptions<MessagingOptions> options,
    TimeProvider timeProvider,
    ILogger<DeadLetters> logger)
{
    private const string FaultHeaderPrefix = "MT-Fault-";
    private const string ReasonHeader = "MT-Reason";

    public async Task<IReadOnlyList<DeadLetterQueueSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var summaries = new List<DeadLetterQueueSummary>();
        foreach (var source in endpoints.Queues)
        {
            var errorQueue = source + ReceiveEndpointRegistry.ErrorQueueSuffix;
            summaries.Add(await PeekAsync(connection, errorQueue, source, cancellationToken));
        }

        // The error queues are what an operator most needs while the database is down (it is often why messages
        // failed), so an unreachable database leaves the outbox out of the list instead of failing it.
        try
        {
            summaries.Add(await outbox.ListAsync(cancellationToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogOutboxUnreadable(logger, e);
        }

        return summaries;
    }

    /// <summary>
    /// Moves messages from an error queue back to the queue they failed on: all of them, or only the one with
    /// <paramref name="messageId"/>. Returns null when the queue is not one of this service's.
    /// </summary>
    public async Task<DeadLetterReplayResult?> ReplayAsync(string queue, string? messageId, CancellationToken cancellationToken)
    {
        if (queue == IOutboxDeadLetters.QueueName)
        {
            return await outbox.ReplayAsync(messageId, cancellationToken);
        }

        if (!endpoints.TryResolveSourceQueue(queue, out var sourceQueue))
        {
            return null;
        }

        var errorQueue = sourceQueue + ReceiveEndpointRegistry.ErrorQueueSuffix;
        await using var connection = await OpenAsync(cancellationToken);
        // Confirms with tracking: BasicPublishAsync returns only once the broker has the copy, so the ack of the
        // original that follows can never lose the message.
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);

        var available = await MessageCountAsync(connection, errorQueue, cancellationToken);
        var replayed = 0;
        ulong lastHeldBack = 0;
        // Bounded by the count taken up front, so messages that fail again and return meanwhile are not looped over.
        for (var i = 0; i < available; i++)
        {
            var result = await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken);
            if (result is null)
            {
                break;
            }

            if (messageId is not null && !string.Equals(result.BasicProperties.MessageId, messageId, StringComparison.OrdinalIgnoreCase))
            {
                lastHeldBack = result.DeliveryTag;
                continue;
            }

            // MassTransit stamps the queue the message failed on; trust it only if it is one of ours.
            var target = SourceQueueOf(result.BasicProperties.Headers) is { } faulted && endpoints.TryResolveSourceQueue(faulted, out var known)
                ? known
                : sourceQueue;
            // Through the queue's own exchange (MassTransit binds one of the same name to it), not the default
            // exchange: a service's broker login may write to its own names only.
            await channel.BasicPublishAsync(
                exchange: target,
                routingKey: string.Empty,
                mandatory: true,
                basicProperties: ReplayProperties(result.BasicProperties),
                body: result.Body,
                cancellationToken: cancellationToken);
            await channel.BasicAckAsync(result.DeliveryTag, multiple: false, cancellationToken);
            replayed++;
        }

        if (lastHeldBack != 0)
        {
            // Everything still unacknowledged is what the filter skipped: back to the error queue, in place.
            await channel.BasicNackAsync(lastHeldBack, multiple: true, requeue: true, cancellationToken);
        }

        LogReplayed(logger, replayed, errorQueue, sourceQueue);
        return new DeadLetterReplayResult(errorQueue, sourceQueue, replayed, (int)available - replayed);
    }

    private async Task<DeadLetterQueueSummary> PeekAsync(IConnection connection, string errorQueue, string source, CancellationToken cancellationToken)
    {
        var count = await MessageCountAsync(connection, errorQueue, cancellationToken);
        var messages = new List<DeadLetterMessageSummary>();
        if (count == 0)
        {
            return new DeadLetterQueueSummary(errorQueue, source, 0, messages);
        }

        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        ulong lastTag = 0;
        var limit = Math.Min(count, (uint)options.Value.DeadLetterPeekLimit);
        for (var i = 0; i < limit; i++)
        {
            var result = await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken);
            if (result is null)
            {
                break;
            }

            lastTag = result.DeliveryTag;
            messages.Add(Summarise(result));
        }

        if (lastTag != 0)
        {
            // Peeking is get-without-ack then nack-with-requeue: the messages return to their places untouched.
            await channel.BasicNackAsync(lastTag, multiple: true, requeue: true, cancellationToken);
        }

        return new DeadLetterQueueSummary(errorQueue, source, count, messages);
    }

    private static async Task<uint> MessageCountAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes its channel, so it gets a throwaway one.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            var ok = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            return ok.MessageCount;
        }
        catch (OperationInterruptedException)
        {
            // MassTransit creates an error queue on the first fault; none yet means nothing has failed.
            return 0;
        }
    }

    private BasicProperties ReplayProperties(IReadOnlyBasicProperties original)
    {
        var headers = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (original.Headers is not null)
        {
            foreach (var (key, value) in original.Headers)
            {
                if (!key.StartsWith(FaultHeaderPrefix, StringComparison.OrdinalIgnoreCase) && key != ReasonHeader)
                {
                    headers[key] = value;
                }
            }
        }

        headers["Platform-Replayed-At"] = timeProvider.GetUtcNow().ToString("O");
        return new BasicProperties
        {
            MessageId = original.MessageId,
            CorrelationId = original.CorrelationId,
            ContentType = original.ContentType,
            ContentEncoding = original.ContentEncoding,
            Type = original.Type,
            Timestamp = original.Timestamp,
            AppId = original.AppId,
            // The publisher the broker vouched for when the message first arrived; replaying keeps it (a consuming
            // service's login is an impersonator for this), or the consumer would refuse its own dead letters.
            UserId = original.UserId,
            Persistent = true,
            Headers = headers,
        };
    }

    private static DeadLetterMessageSummary Summarise(BasicGetResult result)
    {
        var headers = result.BasicProperties.Headers;
        return new DeadLetterMessageSummary(
            result.BasicProperties.MessageId,
            MessageTypeOf(result.Body.Span),
            HeaderString(headers, "MT-Fault-ExceptionType"),
            HeaderString(headers, "MT-Fault-Message"),
            HeaderString(headers, "MT-Fault-Timestamp"),
            HeaderString(headers, "MT-Fault-InputAddress"));
    }

    private static string? SourceQueueOf(IDictionary<string, object?>? headers) =>
        HeaderString(headers, "MT-Fault-InputAddress") is { } address && Uri.TryCreate(address, UriKind.Absolute, out var uri)
            ? uri.AbsolutePath.TrimEnd('/').Split('/')[^1]
            : null;

    private static string? HeaderString(IDictionary<string, object?>? headers, string key) =>
        headers is not null && headers.TryGetValue(key, out var value)
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => null,
                _ => value.ToString(),
            }
            : null;

    private static string? MessageTypeOf(ReadOnlySpan<byte> body)
    {
        // MassTransit's JSON envelope names the type in "messageType": ["urn:message:Namespace:Type", ...].
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0
                ? types[0].GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private Task<IConnection> OpenAsync(CancellationToken cancellationToken) =>
        new ConnectionFactory { Uri = broker.Uri, ClientProvidedName = "dead-letters" }.CreateConnectionAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox's parked messages could not be read; listing the error queues only")]
    private static partial void LogOutboxUnreadable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Count} message(s) from {ErrorQueue} to {SourceQueue}")]
    private static partial void LogReplayed(ILogger logger, int count, string errorQueue, string sourceQueue);
}
