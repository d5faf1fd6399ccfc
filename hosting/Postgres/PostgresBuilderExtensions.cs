using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Platform.AppHost.Hosting.Postgres;
using Platform.AppHost.Hosting.Resources;

namespace Platform.AppHost.Hosting;

/// <summary>AddPostgres / AddDatabase with Aspire.Hosting.PostgreSQL's names and shapes, over Debian's server.</summary>
public static class PostgresBuilderExtensions
{
    /// <summary>
    /// The server, run as the postgres user through a small shell that turns DCP's SIGTERM into PostgreSQL's fast
    /// shutdown (SIGINT): SIGTERM alone is "smart" shutdown, which waits for every pooled session to leave.
    /// </summary>
    private const string FastShutdownShell = """
        "$@" & server=$!
        trap 'kill -INT $server 2>/dev/null' TERM INT HUP
        wait $server; status=$?
        while kill -0 $server 2>/dev/null; do wait $server; status=$?; done
        exit $status
        """;

    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name,
        IResourceBuilder<ParameterResource>? password = null, int? port = null)
    {
        var data = builder.GetDataFolder();
        var passwordParameter = password ?? builder.AddGeneratedParameter($"{name}-password", bytes: 24, urlSafe: true);
        var root = data.For(name);
        var serverPort = port ?? FreePort.Next();
        var server = new PostgresServerResource(name, "/usr/bin/setpriv", data.Path, passwordParameter.Resource) { DataDirectory = root };

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(server, async (e, ct) =>
        {
            if (PostgresCluster.MissingPackage() is { } missing) throw new PlatformSetupException(missing);
            var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(server);
            var secret = await passwordParameter.Resource.GetValueAsync(ct) ?? throw new PlatformSetupException($"{name}'s password has no value.");
            await PostgresCluster.PrepareAsync(root, secret, line => logger.LogInformation("{Line}", line), ct);
        });

        // Databases are created when missing once the server answers, like Aspire.Hosting.PostgreSQL's.
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, async (e, ct) =>
        {
            await using var connection = new NpgsqlConnection(await AdminConnectionStringAsync(server, ct));
            await connection.OpenAsync(ct);
            foreach (var database in server.Databases.Values) await CreateIfMissingAsync(connection, database, ct);
        });

        // Aspire mirrors a container's state onto its child resources, not an executable's: do it here, so that
        // WaitFor(database) means the server runs and the database answers.
        builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) =>
        {
            var notifications = e.Services.GetRequiredService<ResourceNotificationService>();
            _ = MirrorStateOntoDatabasesAsync(notifications, server, e.Model, e.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().ApplicationStopping);
            return Task.CompletedTask;
        });

        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddPolledCheck(healthCheck, async ct =>
            await CanOpenAsync(await AdminConnectionStringAsync(server, ct), ct));

        return builder.AddResource(server)
            .WithArgs([.. PostgresCluster.AsPostgres, "/bin/sh", "-c", FastShutdownShell, "postgres-fast-shutdown", PostgresCluster.ServerBinary,
                .. PostgresCluster.ServerArguments(root, serverPort, data.Throwaway)])
            .WithEndpoint(PostgresServerResource.PrimaryEndpointName, e =>
            {
                e.Port = serverPort;
                e.TargetPort = serverPort;
                e.IsProxied = false;
                e.TargetHost = "127.0.0.1";
                e.UriScheme = "tcp";
            })
            .WithIconName("DatabaseMultiple")
            .WithHealthCheck(healthCheck);
    }

    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.AddDatabase(name, database.DatabaseName);
        var healthCheck = $"{name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().AddPolledCheck(healthCheck, async ct =>
            await CanOpenAsync(await database.ConnectionStringExpression.GetValueAsync(ct) + ";Pooling=false;Timeout=2", ct));
        return builder.ApplicationBuilder.AddResource(database).WithHealthCheck(healthCheck);
    }

    private static async Task MirrorStateOntoDatabasesAsync(ResourceNotificationService notifications, PostgresServerResource server,
        DistributedApplicationModel model, CancellationToken stopping)
    {
        var databases = model.Resources.OfType<PostgresDatabaseResource>().Where(d => d.Parent == server).ToList();
        try
        {
            await foreach (var update in notifications.WatchAsync(stopping))
            {
                if (update.Resource != server) continue;
                foreach (var database in databases)
                {
                    await notifications.PublishUpdateAsync(database, s => s with
                    {
                        State = update.Snapshot.State,
                        StartTimeStamp = update.Snapshot.StartTimeStamp,
                        StopTimeStamp = update.Snapshot.StopTimeStamp,
                    });
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private static async Task<string> AdminConnectionStringAsync(PostgresServerResource server, CancellationToken ct) =>
        await server.ConnectionStringExpression.GetValueAsync(ct) + ";Database=postgres;Pooling=false;Timeout=2";

    private static async Task<HealthCheckResult> CanOpenAsync(string connectionString, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }

    private static async Task CreateIfMissingAsync(NpgsqlConnection connection, string database, CancellationToken ct)
    {
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        // Identifiers cannot be parameters; the name comes from the app model, and is quoted anyway.
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        await create.ExecuteNonQueryAsync(ct);
    }
}
