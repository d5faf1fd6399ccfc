using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Contracts.Notifications;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.IntegrationEvents.EventHandling;

/// <summary>Emails the confirmation link, unless a newer request or the subscription's state has made it useless.</summary>
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

        if (!await IsStillWantedAsync(request, ct))
        {
            LogSuperseded(logger, request.SubscriptionId);
            return;
        }

        await delivery.SendAsync(Kind, request.EventId, request.Email,
            () => ConfirmationEmail.Render(request, options.Value.PublicBaseUrl), ct);
    }

    // A newer request replaced the token, or the subscription was confirmed or expired: this link would not work.
    private Task<bool> IsStillWantedAsync(SubscriptionRequested request, CancellationToken ct)
    {
        var hash = ConfirmationToken.HashOf(request.ConfirmationToken);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return db.Subscriptions.AnyAsync(
            s => s.Id == request.SubscriptionId && s.Status == SubscriptionStatus.Pending && s.ConfirmationTokenHash == hash && s.ConfirmBy > now,
            ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Confirmation for subscription {SubscriptionId} is no longer needed; not sent")]
    private static partial void LogSuperseded(ILogger logger, Guid subscriptionId);
}
