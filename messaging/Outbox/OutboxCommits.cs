using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Platform.Messaging;

/// <summary>
/// Nudges the relay when a transaction that holds outbox rows commits. Rows saved inside an explicit transaction (a
/// consumer's inbox transaction, a sweep's batch, approved hours, a staff cancellation) are invisible to the relay until
/// the commit, so without this they waited for its next poll: up to a second before the event left the service.
/// </summary>
internal sealed class OutboxCommits : DbTransactionInterceptor
{
    public static readonly OutboxCommits Instance = new();

    // A context's outbox is scoped like the context; weak keys, so a disposed context's entry goes with it.
    private static readonly ConditionalWeakTable<DbContext, IOutboxCommitSignal> Outboxes = new();

    private OutboxCommits()
    {
    }

    /// <summary>From the first event an outbox adds to <paramref name="context"/>: its commits nudge the relay.</summary>
    public static void Watch(DbContext context, IOutboxCommitSignal outbox) => Outboxes.AddOrUpdate(context, outbox);

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Signal(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Signal(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Signal(DbContext? context)
    {
        if (context is not null && Outboxes.TryGetValue(context, out var outbox)) outbox.SignalIfPending();
    }
}

/// <summary>An outbox whose events, once their transaction has committed, the relay may publish at once.</summary>
internal interface IOutboxCommitSignal
{
    void SignalIfPending();
}
