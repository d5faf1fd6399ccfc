using Platform.Contracts;

namespace Platform.Messaging;

/// <summary>
/// Records integration events in the service's DbContext. Nothing is sent until the caller's
/// <c>SaveChangesAsync</c> commits; then the relay publishes. Scoped: one per request or consumed message.
/// </summary>
public interface IIntegrationEventOutbox
{
    void Add<T>(T @event) where T : IntegrationEvent;
}
