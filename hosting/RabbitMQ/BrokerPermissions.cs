using System.Text.RegularExpressions;

namespace Platform.AppHost.Hosting.RabbitMQ;

/// <summary>
/// What one service's broker login may touch, as RabbitMQ's configure, write and read regular expressions, worked out
/// from MassTransit's topology: a message type's exchange is named "Namespace:Type"; each consumer has a queue and a
/// fanout exchange of the same name ("{service}-{consumer}", with "_error" and "_skipped" beside them), and the type
/// exchanges it consumes are bound to that exchange. Hence:
/// <list type="bullet">
/// <item>configure (declare, delete): its own names, its own types' exchanges, and the exchanges it subscribes to (MassTransit
/// declares them before binding);</item>
/// <item>write (publish, be bound to): its own names and its own types' exchanges, and nothing else, so no other exchange
/// or queue (nor the default exchange, which reaches every queue) takes its messages;</item>
/// <item>read (consume, bind from): its own names and the exchanges it subscribes to.</item>
/// </list>
/// A service's own types are those of its namespace: Platform.Contracts.{Service}.* and Platform.{Service}.*. A service
/// that consumes is an impersonator: MassTransit moves a failed message to the error queue, and the dead-letter replay
/// moves it back, with every property, the validated user_id of the service that published it included; writes are
/// still confined to its own names, so it can stamp another user only on messages to itself.
/// </summary>
public sealed record BrokerPermissions(string Configure, string Write, string Read, bool Impersonator)
{
    /// <param name="service">The service's name in lower case: its login, its queues' prefix and its namespace.</param>
    /// <param name="subscribes">The exchanges ("Namespace:Type") of other services' events it consumes.</param>
    public static BrokerPermissions ForService(string service, IReadOnlyCollection<string> subscribes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        if (!Regex.IsMatch(service, "^[a-z][a-z0-9]*$")) throw new ArgumentException("A service's broker login is its name in lower case letters and digits.", nameof(service));
        var title = char.ToUpperInvariant(service[0]) + service[1..];
        var own = $@"{Regex.Escape(service)}-.*";
        var ownTypes = $@"Platform\.(Contracts\.)?{title}(\.[A-Za-z0-9_.]+)?:[A-Za-z0-9_]+";
        var subscribed = string.Join('|', subscribes.Select(Regex.Escape));
        string Either(params string[] parts) => "^(" + string.Join('|', parts.Where(p => p.Length > 0)) + ")$";
        return new BrokerPermissions(
            Configure: Either(own, ownTypes, subscribed),
            Write: Either(own, ownTypes),
            Read: Either(own, ownTypes, subscribed),
            Impersonator: subscribes.Count > 0);
    }
}
