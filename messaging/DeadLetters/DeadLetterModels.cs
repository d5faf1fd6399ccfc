namespace Platform.Messaging;

public sealed record DeadLetterQueueSummary(
    string Queue,
    string SourceQueue,
    uint MessageCount,
    IReadOnlyList<DeadLetterMessageSummary> Messages);

/// <summary>What an operator needs to decide whether to replay: which message, what it was, why it failed.</summary>
public sealed record DeadLetterMessageSummary(
    string? MessageId,
    string? MessageType,
    string? FaultExceptionType,
    string? FaultMessage,
    string? FaultTimestamp,
    string? FaultInputAddress);

public sealed record DeadLetterReplayResult(string Queue, string SourceQueue, int Replayed, int Remaining);
