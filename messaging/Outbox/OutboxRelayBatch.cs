using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Platform.Messaging;

internal sealed record OutboxBatchResult(int Locked, int Published, Exception? Failure);

/// <summary>
/// One relay pass: lock a batch of unsent rows in sequence order, publish them one by one, mark them sent, commit.
/// A failed publish ends the pass at that row so later events never overtake it.
/// </summary>
internal sealed class OutboxRelayBatch<TDbContext>(
    IServiceScopeFactory scopeFactory,
    IOutboxMessagePublisher publisher,
    IOptions<OutboxOptions> options,
    TimeProvider timeProvider) where TDbContext : DbContext
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
        Exception? failure = null;
        foreach (var row in rows)
        {
            row.AttemptCount++;
            try
            {
                using var timeout = new CancellationTokenSource(settings.PublishTimeout, timeProvider);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
                await publisher.PublishAsync(row, linked.Token);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                row.LastError = Truncate($"{ex.GetType().Name}: {ex.Message}");
                failure = ex;
                break;
            }

            row.SentAt = timeProvider.GetUtcNow().UtcDateTime;
            row.LastError = null;
            published++;
        }

        // If this commit fails after a publish succeeded, the row is published again later: at-least-once,
        // and the consumers' inbox turns the duplicate (same MessageId) into a no-op.
        // Not cancellable: once messages are out, recording that fact must survive a shutdown request.
        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        return new OutboxBatchResult(rows.Count, published, failure);
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
            var sql = $"SELECT * FROM {QuotedTableName(db)} WHERE sent_at IS NULL " +
                      "ORDER BY sequence_number LIMIT {0} FOR UPDATE SKIP LOCKED";
            return db.Set<OutboxMessage>().FromSqlRaw(sql, batchSize).ToListAsync(cancellationToken);
        }

        // Other providers (SQLite in unit tests) have no row locks; a single relay there is the assumption.
        return db.Set<OutboxMessage>()
            .Where(m => m.SentAt == null)
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

    private static string Truncate(string value) => value.Length <= MaxErrorLength ? value : value[..MaxErrorLength];
}
