using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Messaging;

internal sealed record OutboxBatchResult(int Locked, int Published, Exception? Failure, int Parked = 0);

/// <summary>
/// One relay pass: lock a batch of unsent rows in sequence order, publish them <see cref="OutboxOptions.PublishWindow"/>
/// at a time (issued in sequence order, their broker confirms awaited together), mark them sent, commit.
/// A failed publish ends the pass after its window, so no row beyond that window overtakes it; rows of its own window
/// may (the broker's order among a few rows is not one any consumer sees: each takes several messages at once). A row
/// that has failed <see cref="OutboxOptions.MaxAttempts"/> times for a reason of its own is instead parked as a dead
/// letter (logged with its error, listed and replayed by the dead-letter endpoints) and the pass carries on with the rest.
/// <para>
/// Why a window: one publish at a time pays a whole round of waits per row (the broker's confirm, then a turn on the
/// thread pool for the continuation). On an idle machine that costs little (1,500 rows drained in 5.8 s one at a time,
/// 4.8-5.6 s in windows), but on a busy one the relay fell to 7-15 rows a second, and a rush of 2,000 registrations
/// kept its confirmation emails waiting up to 75 s behind it (27 s with windows of 32: README, registration rush).
/// </para>
/// </summary>
internal sealed partial class OutboxRelayBatch<TDbContext>(
    IServiceScopeFactory scopeFactory,
    IOutboxMessagePublisher publisher,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboxRelayBatch<TDbContext>> logger) where TDbContext : DbContext
{
    private const int MaxErrorLength = 2000;

    public async Task<OutboxBatchResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(
            async ct =>
            {
                db.ChangeTracker.Clear();
                return await RunInTransactionAsync(db, ct);
            },
            cancellationToken);
    }

    private async Task<OutboxBatchResult> RunInTransactionAsync(TDbContext db, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rows = await LockUnsentAsync(db, settings.BatchSize, cancellationToken);

        var published = 0;
        var parked = 0;
        Exception? failure = null;
        for (var start = 0; start < rows.Count && failure is null; start += settings.PublishWindow)
        {
            var window = rows.GetRange(start, Math.Min(settings.PublishWindow, rows.Count - start));
            // Started in sequence order: each call runs up to its first wait (the confirm) before the next begins.
            var outcomes = await Task.WhenAll(window.Select(row => PublishAsync(row, settings, cancellationToken)).ToList());
            for (var i = 0; i < window.Count; i++)
            {
                var row = window[i];
                row.AttemptCount++;
                if (outcomes[i] is not { } ex)
                {
                    row.SentAt = timeProvider.GetUtcNow().UtcDateTime;
                    row.LastError = null;
                    // Sent: the link secrets it carried are no longer needed here (OutboxSecrets).
                    row.Body = OutboxSecrets.Redact(row.Body);
                    published++;
                    continue;
                }

                row.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}");
                if (row.AttemptCount >= settings.MaxAttempts && !OutboxFailures.IsTransient(ex))
                {
                    row.ParkedAt = timeProvider.GetUtcNow().UtcDateTime;
                    LogParked(logger, ex, row.MessageId, row.MessageType, row.AttemptCount, row.LastError);
                    parked++;
                    continue;
                }

                failure ??= ex;
            }
        }

        // If this commit fails after a publish succeeded, the row is published again later: at-least-once,
        // and the consumers' inbox turns the duplicate (same MessageId) into a no-op.
        // Not cancellable: once messages are out, recording that fact must survive a shutdown request.
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return new OutboxBatchResult(rows.Count, published, failure, parked);
    }

    /// <summary>One row's publish with its own timeout; its failure is returned, to be recorded in sequence order.</summary>
    private async Task<Exception?> PublishAsync(OutboxMessage row, OutboxOptions settings, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = new CancellationTokenSource(settings.PublishTimeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            await publisher.PublishAsync(row, linked.Token);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return ex;
        }
    }

    public async Task<int> DeleteSentAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var cutoff = timeProvider.GetUtcNow().UtcDateTime - options.Value.SentRetention;
        return await db.Set<OutboxMessage>()
            .Where(m => m.SentAt != null && m.SentAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private static Task<List<OutboxMessage>> LockUnsentAsync(TDbContext db, int batchSize, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            // SKIP LOCKED: a second replica takes the next unlocked rows instead of waiting for, or re-publishing,
            // the rows this transaction holds.
            var sql = $"SELECT * FROM {QuotedTableName(db)} WHERE sent_at IS NULL AND parked_at IS NULL " +
                      "ORDER BY sequence_number LIMIT {0} FOR UPDATE SKIP LOCKED";
            return db.Set<OutboxMessage>().FromSqlRaw(sql, batchSize).ToListAsync(cancellationToken);
        }

        // Other providers (SQLite in unit tests) have no row locks; a single relay there is the assumption.
        return db.Set<OutboxMessage>()
            .Where(m => m.SentAt == null && m.ParkedAt == null)
            .OrderBy(m => m.SequenceNumber)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
    }

    private static string QuotedTableName(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessage))
            ?? throw new InvalidOperationException("The DbContext model has no outbox; call modelBuilder.AddOutboxMessageEntity().");
        var table = entity.GetTableName() ?? MessagingModelBuilderExtensions.OutboxTable;
        var schema = entity.GetSchema();
        return schema is null ? $"\"{table}\"" : $"\"{schema}\".\"{table}\"";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} ({MessageType}) parked as a dead letter after {Attempts} failed attempts: {Error}. Later events carry on; replay it with the service's Replay dead letters command once the cause is fixed")]
    private static partial void LogParked(ILogger logger, Exception exception, Guid messageId, string messageType, int attempts, string error);

    private static string Truncate(string value) => value.Length <= MaxErrorLength ? value : value[..MaxErrorLength];
}
