namespace Platform.Contracts.Notifications;

/// <summary>A subscriber followed the confirmation link. No address: other services need the fact, not the person.</summary>
public sealed record SubscriberConfirmed(Guid SubscriptionId, IReadOnlyList<string> Topics, string Frequency) : IntegrationEvent;

/// <summary>A subscription ended: "unsubscribed", "bounced" or "erased".</summary>
public sealed record SubscriberUnsubscribed(Guid SubscriptionId, string Reason) : IntegrationEvent;
