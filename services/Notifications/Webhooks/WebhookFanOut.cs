using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Notifications.Infrastructure;

namespace Platform.Notifications.Webhooks;

/// <summary>
/// Queues one message per endpoint that wants an event, in the consuming message's transaction (the inbox's), so an
/// event is queued for every such endpoint exactly once or not at all. The body is Standard Webhooks' shape:
/// {"type", "timestamp", "data"}.
/// </summary>
public sealed class WebhookFanOut(NotificationsDbContext db, WebhookSignal signal, IOptions<WebhookOptions> options, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <param name="organisationId">Set for an organisation's own records: only its endpoints get them.</param>
    public async Task QueueAsync(Guid sourceEventId, DateTimeOffset occurredAt, string type, object data, Guid? organisationId, CancellationToken ct)
    {
        var endpoints = await db.WebhookEndpoints
            .Where(e => e.DeletedAt == null && (" " + e.EventTypes + " ").Contains(" " + type + " "))
            .Where(e => organisationId == null || e.OrganisationId == organisationId)
            .Select(e => e.Id)
            .ToListAsync(ct);
        // A replayed event (a new broker message for the same event, which the inbox cannot catch) queues nothing twice.
        var already = await db.WebhookDeliveries.Where(d => d.SourceEventId == sourceEventId).Select(d => d.EndpointId).ToListAsync(ct);
        var now = time.GetUtcNow();
        var payload = JsonSerializer.Serialize(new { type, timestamp = occurredAt, data }, Json);
        foreach (var endpoint in endpoints.Except(already))
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                EndpointId = endpoint,
                SourceEventId = sourceEventId,
                MessageId = $"msg_{sourceEventId:N}",
                EventType = type,
                Payload = payload,
                CreatedAt = now,
                NextAttemptAt = now,
                RetryUntil = now + options.Value.RetryFor,
            });
        }

        await db.SaveChangesAsync(ct);
        signal.Nudge();
    }
}
