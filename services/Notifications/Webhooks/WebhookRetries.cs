namespace Platform.Notifications.Webhooks;

/// <summary>When a failed message is tried again: Standard Webhooks' schedule, within the retry period.</summary>
public static class WebhookRetries
{
    private static readonly TimeSpan[] Later =
    [
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10),
    ];

    /// <param name="failedAttempts">Attempts made so far, all failed (1 after the first).</param>
    /// <returns>
    /// The next attempt's time (the last one at <paramref name="retryUntil"/> itself), or null once that has passed: the
    /// message has failed.
    /// </returns>
    public static DateTimeOffset? Next(int failedAttempts, DateTimeOffset now, DateTimeOffset retryUntil, TimeSpan firstRetryDelay)
    {
        if (now >= retryUntil) return null;
        var delay = failedAttempts <= 1 ? firstRetryDelay : Later[Math.Min(failedAttempts - 2, Later.Length - 1)];
        var next = now + delay;
        return next < retryUntil ? next : retryUntil;
    }
}
