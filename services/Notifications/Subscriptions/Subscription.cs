namespace Platform.Notifications.Subscriptions;

public enum SubscriptionStatus
{
    Pending,
    Confirmed,
    Ended,
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

    /// <summary>Districts for the topics that have them (events, volunteering); empty means the whole county.</summary>
    public List<string> Districts { get; set; } = [];

    public required string Frequency { get; set; }

    public SubscriptionStatus Status { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime? ConfirmedAt { get; set; }

    /// <summary>The confirmation link stops working after this; an unconfirmed sign-up is removed after it.</summary>
    public DateTime ConfirmBy { get; set; }

    /// <summary>SHA-256 of the emailed token. The token itself is never stored, so a database leak confirms nothing.</summary>
    public byte[]? ConfirmationTokenHash { get; set; }

    /// <summary>
    /// The <c>SubscriptionRequested</c> event whose consumer may issue the confirmation token. An older request's
    /// message (arriving late) finds a different id and sends nothing, so only the newest link is ever emailed.
    /// </summary>
    public Guid? PendingRequestId { get; set; }

    /// <summary>The Idempotency-Key of the request that last changed this subscription, so its retries change nothing.</summary>
    public string? LastIdempotencyKey { get; set; }

    /// <summary>
    /// Digest items published up to this instant have been dealt with (digested, or sent immediately before a change
    /// of frequency): the watermark that makes every item reach a subscriber at most once.
    /// </summary>
    public DateTime? DigestThrough { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>Why it ended: "unsubscribed", "bounced: …", "erased".</summary>
    public string? EndReason { get; set; }

    public bool Wants(string topic, string? district) =>
        Topics.Contains(topic) && (district is null || Districts.Count == 0 || !SubscriptionCatalog.HasDistricts(topic) || Districts.Contains(district, StringComparer.OrdinalIgnoreCase));
}
