namespace Platform.Notifications.Subscriptions;

public enum SubscriptionStatus
{
    Pending,
    Confirmed,
}

/// <summary>
/// What a subscriber asked to receive and how often. Double opt-in: nothing but the confirmation email is
/// sent while <see cref="Status"/> is Pending.
/// </summary>
public sealed class Subscription
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid SubscriberId { get; init; }

    public List<string> Topics { get; set; } = [];

    public required string Frequency { get; set; }

    public SubscriptionStatus Status { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime? ConfirmedAt { get; set; }

    /// <summary>The confirmation link stops working after this.</summary>
    public DateTime ConfirmBy { get; set; }

    /// <summary>SHA-256 of the emailed token. The token itself is never stored, so a database leak confirms nothing.</summary>
    public byte[]? ConfirmationTokenHash { get; set; }

    /// <summary>The Idempotency-Key of the request that last changed this subscription, so its retries change nothing.</summary>
    public string? LastIdempotencyKey { get; set; }
}
