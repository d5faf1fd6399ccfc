namespace Platform.Messaging;

/// <summary>Wakes the relay as soon as an outbox row is committed (<see cref="OutboxCommits"/>); its poll covers rows committed elsewhere.</summary>
public sealed class OutboxSignal : WakeSignal;
