namespace Platform.Contracts.Notifications;

/// <summary>
/// A member of the public asked for email updates. Nothing but the confirmation may be sent to
/// <see cref="Email"/> until the confirmation link is followed (double opt-in). No token travels here: Notifications
/// issues the confirmation token when it handles this event, and only its hash is stored.
/// </summary>
public sealed record SubscriptionRequested(
    Guid SubscriptionId,
    string Email,
    IReadOnlyList<string> Topics,
    string Frequency,
    DateTimeOffset ConfirmBy) : IntegrationEvent;
