using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// One service's database in the shared cluster: created when missing once the server is ready, kept across runs. Its
/// connection string carries the database's own login (<see cref="OwnerName"/>), which owns it and nothing else; the
/// server's superuser stays with the AppHost.
/// </summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent, ParameterResource password)
    : Resource(name), IResourceWithParent<PostgresServerResource>, IResourceWithConnectionString
{
    public PostgresServerResource Parent { get; } = parent;

    public string DatabaseName { get; } = databaseName;

    /// <summary>The login that owns the database: named as the database, so a connection says whose data it is.</summary>
    public string OwnerName => DatabaseName;

    public ParameterResource PasswordParameter { get; } = password;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={Parent.PrimaryEndpoint.Property(EndpointProperty.Host)};Port={Parent.PrimaryEndpoint.Property(EndpointProperty.Port)};Username={OwnerName};Password={PasswordParameter};Database={DatabaseName}");
}
