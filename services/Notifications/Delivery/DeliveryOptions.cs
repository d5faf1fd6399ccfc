using System.ComponentModel.DataAnnotations;

namespace Platform.Notifications.Delivery;

/// <summary>How the outgoing queue is drained. Bound from <c>Notifications:Delivery</c>.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Notifications:Delivery";

    /// <summary>SMTP conversations at once.</summary>
    [Range(1, 64)]
    public int Concurrency { get; set; } = 8;

    /// <summary>Messages one sender claims at a time; small, so transactional mail queued meanwhile waits little.</summary>
    [Range(1, 500)]
    public int BatchSize { get; set; } = 20;

    /// <summary>At most this many messages a second to the mail server; 0 for no limit.</summary>
    [Range(0, 100_000)]
    public int MessagesPerSecond { get; set; }

    /// <summary>How often an idle service looks for work it was not woken for (other instances', retries now due): one sender looks, the rest wait to be woken.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a claimed message is a sender's own; a crashed sender's messages are sent by another after it.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries of one message within one attempt (connection refused, 4xx, timeout), with exponential backoff.</summary>
    [Range(0, 10)]
    public int RetriesPerAttempt { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>After an attempt's retries fail, the message waits this long, doubling with each attempt up to <see cref="MaxRequeueDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RequeueDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRequeueDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long sending pauses once the circuit opens (the mail server looks down), before one trial message.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
