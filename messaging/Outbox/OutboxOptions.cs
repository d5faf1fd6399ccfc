using Microsoft.Extensions.Options;

namespace Platform.Messaging;

/// <summary>Relay tuning, bound from <c>Messaging:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Messaging:Outbox";

    /// <summary>How often the relay looks without being nudged (rows committed in explicit transactions, other replicas).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Rows locked and published per transaction.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>First back-off after a failed publish; doubled per consecutive failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Rows of a batch published at once, their broker confirms awaited together. 1 publishes strictly one after another;
    /// a failed row can be overtaken only by rows of its own window.
    /// </summary>
    public int PublishWindow { get; set; } = 32;

    /// <summary>Upper bound on one publish (including the broker's confirm), so an unreachable broker fails the batch instead of hanging it.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long sent rows are kept for diagnosis before they are deleted.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(3);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Failed attempts after which a row that fails for a reason of its own (not an unreachable broker) is parked as a
    /// dead letter, so it stops holding back every later event of the service.
    /// </summary>
    public int MaxAttempts { get; set; } = 10;
}

internal sealed class OutboxOptionsValidator : IValidateOptions<OutboxOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxOptions o)
    {
        var failures = new List<string>();
        if (o.PollInterval <= TimeSpan.Zero) failures.Add($"{OutboxOptions.SectionName}:PollInterval must be positive.");
        if (o.BatchSize is < 1 or > 10_000) failures.Add($"{OutboxOptions.SectionName}:BatchSize must be between 1 and 10000.");
        if (o.PublishWindow is < 1 or > 1_000) failures.Add($"{OutboxOptions.SectionName}:PublishWindow must be between 1 and 1000.");
        if (o.InitialBackoff <= TimeSpan.Zero) failures.Add($"{OutboxOptions.SectionName}:InitialBackoff must be positive.");
        if (o.MaxBackoff < o.InitialBackoff) failures.Add($"{OutboxOptions.SectionName}:MaxBackoff must not be less than InitialBackoff.");
        if (o.PublishTimeout <= TimeSpan.Zero) failures.Add($"{OutboxOptions.SectionName}:PublishTimeout must be positive.");
        if (o.SentRetention < TimeSpan.Zero) failures.Add($"{OutboxOptions.SectionName}:SentRetention must not be negative.");
        if (o.MaxAttempts is < 1 or > 1000) failures.Add($"{OutboxOptions.SectionName}:MaxAttempts must be between 1 and 1000.");
        if (o.CleanupInterval <= TimeSpan.Zero) failures.Add($"{OutboxOptions.SectionName}:CleanupInterval must be positive.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
