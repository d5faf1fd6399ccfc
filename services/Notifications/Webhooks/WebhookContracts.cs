namespace Platform.Notifications.Webhooks;

public sealed record WebhookEndpointRequest(string Url, IReadOnlyList<string> EventTypes, string? Description);

/// <param name="Secret">The signing secret, only in the response that creates the endpoint.</param>
public sealed record WebhookEndpointView(
    Guid Id, string Url, IReadOnlyList<string> EventTypes, string Description, DateTimeOffset CreatedAt, string? Secret = null)
{
    public static WebhookEndpointView Of(WebhookEndpoint e, bool withSecret = false) =>
        new(e.Id, e.Url, e.EventTypeList(), e.Description, e.CreatedAt, withSecret ? e.Secret : null);
}

public sealed record WebhookAttemptView(DateTimeOffset At, int? StatusCode, string? Error, int DurationMilliseconds);

/// <summary>One message in the delivery log, with every attempt at it.</summary>
public sealed record WebhookDeliveryView(
    Guid Id, string MessageId, string EventType, WebhookDeliveryStatus Status, DateTimeOffset CreatedAt, int Attempts,
    DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, IReadOnlyList<WebhookAttemptView> History)
{
    public static WebhookDeliveryView Of(WebhookDelivery d) => new(
        d.Id, d.MessageId, d.EventType, d.Status, d.CreatedAt, d.Attempts,
        d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null, d.DeliveredAt,
        d.History.OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => new WebhookAttemptView(a.At, a.StatusCode, a.Error, a.DurationMilliseconds)).ToList());
}
