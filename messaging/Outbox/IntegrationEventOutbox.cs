using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;

namespace Platform.Messaging;

/// <summary>
/// Writes events into the same DbContext as the business change, so one SaveChanges commits both or neither.
/// </summary>
public sealed class IntegrationEventOutbox<TDbContext> : IIntegrationEventOutbox, IOutboxCommitSignal where TDbContext : DbContext
{
    private readonly TDbContext _dbContext;
    private readonly OutboxSignal _signal;
    private readonly TimeProvider _timeProvider;
    private readonly LinkSecrets _linkSecrets;
    private bool _subscribed;

    public IntegrationEventOutbox(TDbContext dbContext, OutboxSignal signal, TimeProvider timeProvider, LinkSecrets linkSecrets)
    {
        _dbContext = dbContext;
        _signal = signal;
        _timeProvider = timeProvider;
        _linkSecrets = linkSecrets;
    }

    /// <summary>True when events were added since the last nudge; the inbox filter nudges after its commit.</summary>
    private bool HasUnsignalledEvents { get; set; }

    public void Add<T>(T @event) where T : IntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(@event);

        var headers = new Dictionary<string, string>();
        OutboxTraceContext.Capture(headers);

        // The runtime type, not T: an event added through its base type must still be published as itself.
        var type = @event.GetType();
        // Sealed before the row exists: from here to Notifications (outbox row, queue, error queue, dashboard) a link's
        // secret is ciphertext only Notifications can open.
        var stored = _linkSecrets.Seal(@event);
        _dbContext.Set<OutboxMessage>().Add(new OutboxMessage
        {
            MessageId = @event.EventId,
            MessageType = OutboxMessageTypes.NameOf(type),
            Body = JsonSerializer.Serialize(stored, type, OutboxMessageTypes.JsonOptions),
            Headers = JsonSerializer.Serialize(headers, OutboxMessageTypes.JsonOptions),
            CreatedAt = _timeProvider.GetUtcNow().UtcDateTime,
        });

        HasUnsignalledEvents = true;
        if (!_subscribed)
        {
            _dbContext.SavedChanges += OnSavedChanges;
            OutboxCommits.Watch(_dbContext, this);
            _subscribed = true;
        }
    }

    void IOutboxCommitSignal.SignalIfPending() => SignalIfPending();

    private void SignalIfPending()
    {
        if (HasUnsignalledEvents)
        {
            HasUnsignalledEvents = false;
            _signal.Nudge();
        }
    }

    private void OnSavedChanges(object? sender, SavedChangesEventArgs e)
    {
        // Inside an explicit transaction the rows are not visible to the relay yet: its commit nudges (OutboxCommits).
        if (_dbContext.Database.CurrentTransaction is null)
        {
            SignalIfPending();
        }
    }
}
