using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.Messaging;

/// <summary>
/// Which broker login may publish a message type: the service whose namespace holds it (Platform.Contracts.Awards.* and
/// Platform.Awards.* belong to "awards"), as the AppHost names each service's login. The publisher is RabbitMQ's
/// validated user_id, which every service's bus stamps with its own login and which the broker refuses to pass on
/// unless it is the publishing connection's user (only a login tagged impersonator may set another: consuming
/// services, and only on messages to their own queues, where failed messages move with their properties).
/// </summary>
public static class PublisherCheck
{
    /// <summary>The login that owns <paramref name="messageType"/>, or null for a type outside the platform's namespaces.</summary>
    public static string? OwnerOf(Type messageType)
    {
        var parts = (messageType.Namespace ?? "").Split('.');
        if (parts is not ["Platform", ..] || parts.Length < 2) return null;
        var service = parts[1] == "Contracts" ? (parts.Length > 2 ? parts[2] : null) : parts[1];
        return service?.ToLowerInvariant();
    }

    /// <summary>Why a message of <paramref name="messageType"/> published by <paramref name="publisher"/> is refused, or null if it is not.</summary>
    public static string? Refusal(Type messageType, string? publisher) =>
        OwnerOf(messageType) is { } owner && !string.Equals(owner, publisher, StringComparison.Ordinal)
            ? $"{messageType.Name} is published only by {owner}'s broker login; this one came from {(publisher is null ? "a publisher that did not say who it is" : $"'{publisher}'")}."
            : null;
}

/// <summary>A message that did not come from the service that owns its type; moved to the error queue without retries.</summary>
public sealed class UnexpectedPublisherException(string message) : Exception(message);

/// <summary>
/// Refuses, before the inbox and its retries, a message whose validated publisher is not its type's owner (so a
/// WinnersAnnounced from anyone but Awards emails nobody): it goes straight to the endpoint's error queue, where the
/// dashboard lists it with this reason. Only on RabbitMQ, where the broker vouches for user_id.
/// </summary>
internal sealed partial class PublisherCheckFilter<TMessage>(IOptions<MessagingOptions> options, ILogger<PublisherCheckFilter<TMessage>> logger)
    : IFilter<ConsumeContext<TMessage>> where TMessage : class
{
    public Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        if (options.Value.VerifyPublisher && context.TryGetPayload<RabbitMqBasicConsumeContext>(out var delivery)
            && PublisherCheck.Refusal(typeof(TMessage), delivery.Properties.UserId) is { } refusal)
        {
            LogRefused(logger, context.MessageId, typeof(TMessage).Name, delivery.Properties.UserId, delivery.Exchange);
            throw new UnexpectedPublisherException(refusal);
        }

        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("publisherCheck");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {MessageType} {MessageId} from broker login '{Publisher}' (via exchange '{Exchange}'): not its owner; moved to the error queue")]
    private static partial void LogRefused(ILogger logger, Guid? messageId, string messageType, string? publisher, string exchange);
}
