using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Platform.Messaging;

/// <summary>
/// Makes every consumer idempotent: the consumer's changes, the events it adds to the outbox and the inbox row
/// proving it ran are committed in one transaction, and a message already recorded is acknowledged unprocessed.
/// Resolved from the same message scope as the consumer, so both see the same DbContext.
/// </summary>
internal sealed partial class InboxFilter<TMessage>(
    MessagingDbContextAccessor dbContextAccessor,
    TimeProvider timeProvider,
    ILogger<InboxFilter<TMessage>> logger) : IFilter<ConsumeContext<TMessage>> where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"A {typeof(TMessage).Name} arrived without a MessageId; the inbox cannot deduplicate it.");
        var consumerId = ConsumerIdOf(context.ReceiveContext.InputAddress);
        var receivedAt = timeProvider.GetUtcNow().UtcDateTime;
        var db = dbContextAccessor.DbContext;

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(
            async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                try
                {
                    var seen = await db.Set<InboxState>()
                        .AnyAsync(i => i.MessageId == messageId && i.ConsumerId == consumerId, ct);
                    if (seen)
                    {
                        LogDuplicateSkipped(logger, messageId, consumerId);
                        // Marks the message delivered so MassTransit acks it rather than moving it to _skipped.
                        await context.NotifyConsumed(context, TimeSpan.Zero, "inbox");
                        return;
                    }

                    await next.Send(context);

                    db.Set<InboxState>().Add(new InboxState
                    {
                        MessageId = messageId,
                        ConsumerId = consumerId,
                        ReceivedAt = receivedAt,
                        ConsumedAt = timeProvider.GetUtcNow().UtcDateTime,
                    });
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                }
                catch
                {
                    // Disposing the transaction rolls it back; forget the tracked changes too, so a retry in this
                    // scope starts clean rather than re-inserting the failed attempt's entities.
                    db.ChangeTracker.Clear();
                    throw;
                }
            },
            context.CancellationToken);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("inbox");

    internal static string ConsumerIdOf(Uri inputAddress) =>
        inputAddress.AbsolutePath.TrimEnd('/').Split('/')[^1] is { Length: > 0 } name ? name : inputAddress.ToString();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Message {MessageId} was already consumed by {ConsumerId}; acknowledged without processing")]
    private static partial void LogDuplicateSkipped(ILogger logger, Guid messageId, string consumerId);
}
