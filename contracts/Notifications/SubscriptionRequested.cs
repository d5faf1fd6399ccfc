namespace Platform.Contracts.Notifications;

/// <summary>
/// A member of the public asked for email updates. Nothing but the confirmation may be sent to
/// <see cref="Email"/> until the confirmation link is followed (double opt-in).
/// </summary>
public sealed record SubscriptionRequested(
    Guid SubscriptionId,
    string Email,
    IReadOnlyList<string> Topics,
    string Frequency,
    string ConfirmationToken,
    DateTimeOffset ConfirmBy) : IntegrationEvent;
