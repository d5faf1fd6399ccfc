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

        // Databases are created when missing once the server answers, like Aspire.Hosting.PostgreSQL's, each with its
        // own owning login (PostgresLogins).
        builder.Eventing.Subscribe<ResourceReadyEvent>(server, async (e, ct) =>
        {
            var admin = await AdminConnectionStringAsync(server, ct);
            foreach (var database in server.DatabaseResources)
            {
                var password = await database.PasswordParameter.GetValueAsync(ct) ?? throw new PlatformSetupException($"{database.Name}'s password has no value.");
                await PostgresLogins.ProvisionAsync(admin, database.DatabaseName, database.OwnerName, password, ct);
            }
        });

        // WaitFor(database) means the server runs and the database answers.
        builder.MirrorOntoChildren<PostgresServerResource, PostgresDatabaseResource>(server);

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

    /// <summary>A database and the login that owns it, its password a generated parameter kept with the data.</summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        var password = builder.ApplicationBuilder.AddGeneratedParameter($"{name}-password", bytes: 24, urlSafe: true);
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource, password.Resource);
        builder.Resource.AddDatabase(database);
        var healthCheck = $"{name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().AddPolledCheck(healthCheck, async ct =>
            await CanOpenAsync(await database.ConnectionStringExpression.GetValueAsync(ct) + ";Pooling=false;Timeout=2", ct));
        return builder.ApplicationBuilder.AddResource(database).WithHealthCheck(healthCheck);
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
}
