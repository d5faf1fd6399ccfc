using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Notifications;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.IntegrationEvents.EventHandling;

/// <summary>
/// Issues the confirmation token and queues the email carrying it, in the inbox transaction. The token exists only
/// here and in the queued email (dropped once sent); the event on the broker never carries it. Nothing is sent when
/// a newer request has replaced this one or the subscription was confirmed or has expired.
/// </summary>
public sealed partial class SendSubscriptionConfirmation(
    NotificationsDbContext db,
    OnceOnlyDelivery delivery,
    IOptions<NotificationsOptions> options,
    TimeProvider timeProvider,
    ILogger<SendSubscriptionConfirmation> logger) : IConsumer<SubscriptionRequested>
{
    public const string Kind = "subscription-confirmation";

    public async Task Consume(ConsumeContext<SubscriptionRequested> context)
    {
        var request = context.Message;
        var ct = context.CancellationToken;
        var now = timeProvider.GetUtcNow().UtcDateTime;

        var subscription = await db.Subscriptions.SingleOrDefaultAsync(
            s => s.Id == request.SubscriptionId && s.PendingRequestId == request.EventId && s.Status == SubscriptionStatus.Pending && s.ConfirmBy > now,
            ct);
        if (subscription is null)
        {
            LogSuperseded(logger, request.SubscriptionId);
            return;
        }

        var token = ConfirmationToken.Create();
        subscription.ConfirmationTokenHash = token.Hash;
        // OnceOnlyDelivery saves the hash with the queued email; a replay finds the delivery and queues nothing,
        // and its token (never stored) is lost with the rolled-back attempt.
        var queued = await delivery.SendAsync(Kind, request.EventId, request.Email,
            () => ConfirmationEmail.Render(request, token.Value, options.Value.PublicBaseUrl), ct);
        if (!queued)
        {
            db.Entry(subscription).State = EntityState.Unchanged;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Confirmation for subscription {SubscriptionId} is no longer needed; not sent")]
    private static partial void LogSuperseded(ILogger logger, Guid subscriptionId);
}
