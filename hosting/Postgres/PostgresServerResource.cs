using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// A private PostgreSQL 15 cluster from Debian's binaries, run by DCP as an executable where Aspire.Hosting.PostgreSQL
/// would run its container. Same shape as that package's resource (a primary endpoint, a password parameter, child
/// databases, the same connection string), so a machine with Docker can swap it in by changing only Program.cs.
/// </summary>
public sealed class PostgresServerResource(string name, string command, string workingDirectory, ParameterResource password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";
    public const string UserName = "postgres";

    private readonly Dictionary<string, string> _databases = new(StringComparer.OrdinalIgnoreCase);

    public EndpointReference PrimaryEndpoint => new(this, PrimaryEndpointName);

    public ParameterResource PasswordParameter { get; } = password;

    /// <summary>Resource name to database name, as Aspire's PostgresServerResource.Databases.</summary>
    public IReadOnlyDictionary<string, string> Databases => _databases;

    /// <summary>The cluster's folder under the platform's data folder (data/, sock/).</summary>
    public required string DataDirectory { get; init; }

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username={UserName};Password={PasswordParameter}");

    internal List<PostgresDatabaseResource> DatabaseResources { get; } = [];

    internal void AddDatabase(PostgresDatabaseResource database)
    {
        if (_databases.TryAdd(database.Name, database.DatabaseName)) DatabaseResources.Add(database);
    }
}
