using Npgsql;
using Platform.AppHost.Hosting.ApplicationModel;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>One service's database inside the shared server: created once the server is healthy, kept across runs.</summary>
public sealed class PostgresDatabaseResource(string name, PostgresServerResource server) : Resource(name), IResourceWithConnectionString
{
    public override string Type => "PostgreSQL database";
    public override Resource Parent => server;
    public override int ShutdownTier => 2;

    public string ConnectionString => $"{server.ConnectionString};Database={Name}";

    public override IReadOnlyList<string> Urls => [$"postgresql://127.0.0.1:{server.Port}/{Name}"];

    public override async Task StartAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString + ";Database=postgres;Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", Name);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            // Identifiers cannot be parameters; the name comes from the app model, and is quoted anyway.
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            Status.Logs.Add($"created database {Name}", false, context.Time.GetUtcNow());
        }
    }

    public override async Task<HealthStatus> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString + ";Pooling=false;Timeout=2");
            await connection.OpenAsync(cancellationToken);
            return HealthStatus.Healthy;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
        {
            return HealthStatus.Unhealthy;
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
