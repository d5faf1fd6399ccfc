namespace Platform.Messaging;

/// <summary>Wakes the relay as soon as an outbox row is committed (rows saved in explicit transactions are found by its poll).</summary>
public sealed class OutboxSignal : WakeSignal;
