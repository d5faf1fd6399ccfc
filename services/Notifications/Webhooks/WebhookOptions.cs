using System.ComponentModel.DataAnnotations;

namespace Platform.Notifications.Webhooks;

/// <summary>How partners' webhooks are sent. Bound from <c>Notifications:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Notifications:Webhooks";

    /// <summary>How long one attempt may take before it counts as failed: short, so a slow endpoint holds its slot little.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Endpoints sent to at once. Each endpoint has one message in flight at most, so one never takes every slot.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 16;

    /// <summary>
    /// The first retry's delay; later ones follow Standard Webhooks' schedule (5 min, 30 min, 2 h, 5 h, 10 h, then every
    /// 10 h) until <see cref="RetryFor"/> has passed since the first attempt.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RetryFor { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the dispatcher looks for due messages nobody woke it for (retries, another replica's).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Loopback addresses (and plain http to them) are refused unless this is set: for test platforms, whose receivers
    /// listen on 127.0.0.1. Private, link-local and other internal ranges are always refused.
    /// </summary>
    public bool AllowLoopback { get; set; }
}
