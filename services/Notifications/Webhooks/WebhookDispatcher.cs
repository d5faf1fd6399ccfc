using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Messaging;
using Platform.Notifications.Infrastructure;

namespace Platform.Notifications.Webhooks;

/// <summary>Wakes the dispatcher when a message is queued or replayed.</summary>
public sealed class WebhookSignal : WakeSignal;

/// <summary>
/// Sends due messages, each endpoint on its own: at most one message in flight per endpoint and
/// <see cref="WebhookOptions.Concurrency"/> endpoints at once, so a slow endpoint holds one slot for at most the timeout
/// and a failing one only postpones its own messages (to their retry times); nobody else's wait on either. Messages are
/// claimed in the database for a lease, so replicas never send the same one at once, and a crashed sender's claim lapses.
/// </summary>
public sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes,
    WebhookSender sender,
    WebhookSignal signal,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    // Longer than any attempt (timeout at most a minute) with room for recording its outcome.
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(2);

    // The endpoints with a message in flight from this instance.
    private readonly ConcurrentDictionary<Guid, bool> _inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StartDueAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPassFailed(logger, e);
            }

            await signal.WaitAsync(options.Value.PollInterval, time, stoppingToken);
        }
    }

    private async Task StartDueAsync(CancellationToken cancellationToken)
    {
        var free = options.Value.Concurrency - _inFlight.Count;
        if (free <= 0) return;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = time.GetUtcNow();
        var busy = _inFlight.Keys.ToList();
        // The earliest due message of each endpoint not already sending, oldest first.
        var due = await db.WebhookDeliveries
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now
                        && (d.ClaimedUntil == null || d.ClaimedUntil < now) && !busy.Contains(d.EndpointId))
            .GroupBy(d => d.EndpointId)
            .Select(g => g.OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id).Select(d => d.Id).First())
            .Take(free)
            .ToListAsync(cancellationToken);

        foreach (var id in due)
        {
            var claimed = await db.WebhookDeliveries
                .Where(d => d.Id == id && d.Status == WebhookDeliveryStatus.Pending && (d.ClaimedUntil == null || d.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, now + ClaimLease), cancellationToken);
            if (claimed == 0) continue;   // another replica took it

            var endpointId = await db.WebhookDeliveries.Where(d => d.Id == id).Select(d => d.EndpointId).SingleAsync(cancellationToken);
            if (_inFlight.TryAdd(endpointId, true)) _ = RunAsync(endpointId, id, cancellationToken);
        }
    }

    private async Task RunAsync(Guid endpointId, Guid deliveryId, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Yield();   // off the dispatch loop at once
            await SendAsync(deliveryId, cancellationToken);
        }
        finally
        {
            _inFlight.TryRemove(endpointId, out _);
            signal.Nudge();   // its endpoint's next message may be due
        }
    }

    private async Task SendAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == deliveryId, cancellationToken);
            var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == delivery.EndpointId, cancellationToken);
            if (endpoint.DeletedAt is not null)
            {
                delivery.Status = WebhookDeliveryStatus.Failed;
                delivery.ClaimedUntil = null;
                await db.SaveChangesAsync(cancellationToken);
                return;
            }

            var attempt = await sender.SendAsync(endpoint, delivery, cancellationToken);
            var now = time.GetUtcNow();
            db.WebhookAttempts.Add(attempt);
            delivery.Attempts++;
            delivery.ClaimedUntil = null;
            if (WebhookSender.Succeeded(attempt))
            {
                delivery.Status = WebhookDeliveryStatus.Delivered;
                delivery.DeliveredAt = now;
            }
            else if (WebhookRetries.Next(delivery.Attempts, now, delivery.RetryUntil, options.Value.FirstRetryDelay) is { } next)
            {
                delivery.NextAttemptAt = next;
            }
            else
            {
                delivery.Status = WebhookDeliveryStatus.Failed;
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The claim lapses and the message is tried again: nothing is lost, at worst sent twice (same webhook-id).
            LogSendFailed(logger, deliveryId, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A webhook dispatch pass failed; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording webhook delivery {DeliveryId} failed; it is tried again when its claim lapses")]
    private static partial void LogSendFailed(ILogger logger, Guid deliveryId, Exception exception);
}
