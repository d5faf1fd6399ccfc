using Aspire.Hosting.ApplicationModel;
using Platform.AppHost.Hosting.RabbitMQ;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// One service's login on the broker, with only the permissions its own messaging needs (<see cref="BrokerPermissions"/>).
/// Its connection string is the server's with this login's user and password, so a service referencing it (as
/// "messaging") connects as itself; the server's own login (the administrator) stays with the AppHost.
/// </summary>
public sealed class RabbitMQUserResource(string name, string userName, ParameterResource password, BrokerPermissions permissions, RabbitMQServerResource parent)
    : Resource(name), IResourceWithParent<RabbitMQServerResource>, IResourceWithConnectionString
{
    public RabbitMQServerResource Parent { get; } = parent;

    public string UserName { get; } = userName;

    public ParameterResource PasswordParameter { get; } = password;

    public BrokerPermissions Permissions { get; } = permissions;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{PasswordParameter}@{Parent.PrimaryEndpoint.Property(EndpointProperty.Host)}:{Parent.PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
