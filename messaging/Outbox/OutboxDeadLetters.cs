using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Messaging;

/// <summary>The outbox's parked rows, listed and replayed beside the error queues by the dead-letter endpoints.</summary>
public interface IOutboxDeadLetters
{
    /// <summary>The name the parked rows are listed under, beside the error queues.</summary>
    const string QueueName = "outbox";

    Task<DeadLetterQueueSummary> ListAsync(CancellationToken cancellationToken);

    /// <summary>Puts parked rows (all, or the one with <paramref name="messageId"/>) back in the relay's way.</summary>
    Task<DeadLetterReplayResult> ReplayAsync(string? messageId, CancellationToken cancellationToken);
}

/// <summary>
/// Parked rows stay where they were written, in the service's own database, shown as a queue named
/// <see cref="IOutboxDeadLetters.QueueName"/> so the dashboard's Dead letters and Replay dead letters commands cover them unchanged.
/// Replay gives a row a fresh set of attempts; it is published after whatever is pending, as a replayed error-queue
/// message is consumed after the queue's backlog.
/// </summary>
internal sealed partial class OutboxDeadLetters<TDbContext>(
    IServiceScopeFactory scopeFactory,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    ILogger<OutboxDeadLetters<TDbContext>> logger) : IOutboxDeadLetters where TDbContext : DbContext
{
    public async Task<DeadLetterQueueSummary> ListAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var parked = scope.ServiceProvider.GetRequiredService<TDbContext>().Set<OutboxMessage>().AsNoTracking().Where(m => m.SentAt == null && m.ParkedAt != null);
        var count = await parked.CountAsync(cancellationToken);
        var first = await parked.OrderBy(m => m.SequenceNumber).Take(options.Value.DeadLetterPeekLimit).ToListAsync(cancellationToken);
        return new DeadLetterQueueSummary(IOutboxDeadLetters.QueueName, IOutboxDeadLetters.QueueName, (uint)count, first.Select(Summarise).ToList());
    }

    public async Task<DeadLetterReplayResult> ReplayAsync(string? messageId, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var rows = scope.ServiceProvider.GetRequiredService<TDbContext>().Set<OutboxMessage>().Where(m => m.SentAt == null && m.ParkedAt != null);
        var total = await rows.CountAsync(cancellationToken);
        if (messageId is not null)
        {
            rows = Guid.TryParse(messageId, out var id) ? rows.Where(m => m.MessageId == id) : rows.Where(_ => false);
        }

        var replayed = await rows.ExecuteUpdateAsync(s => s.SetProperty(m => m.ParkedAt, (DateTime?)null).SetProperty(m => m.AttemptCount, 0), cancellationToken);
        signal.Nudge();
        LogReplayed(logger, replayed);
        return new DeadLetterReplayResult(IOutboxDeadLetters.QueueName, IOutboxDeadLetters.QueueName, replayed, total - replayed);
    }

    private static DeadLetterMessageSummary Summarise(OutboxMessage row)
    {
        // LastError is "ExceptionType: message", as the relay wrote it.
        var error = row.LastError ?? "";
        var colon = error.IndexOf(": ", StringComparison.Ordinal);
        return new DeadLetterMessageSummary(
            row.MessageId.ToString(),
            row.MessageType,
            colon > 0 ? error[..colon] : null,
            colon > 0 ? error[(colon + 2)..] : error,
            row.ParkedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToString("O") : null,
            null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Count} parked outbox message(s)")]
    private static partial void LogReplayed(ILogger logger, int count);
}
