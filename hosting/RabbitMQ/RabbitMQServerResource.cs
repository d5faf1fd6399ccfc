using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// A private RabbitMQ node from Debian's rabbitmq-server, run by DCP as an executable where Aspire.Hosting.RabbitMQ
/// would run its container; same shape (user and password parameters, a primary endpoint, an amqp:// connection string).
/// </summary>
public sealed class RabbitMQServerResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";
    public const string UserName = "platform";

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>The services' own logins (AddServiceUser), written to the node's definitions at every start.</summary>
    internal List<RabbitMQUserResource> Users { get; } = [];

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{PasswordParameter}@{PrimaryEndpoint.Property(EndpointProperty.Host)}:{PrimaryEndpoint.Property(EndpointProperty.Port)}");
}
