extern alias apphost;
using apphost::Platform.AppHost.Hosting;
using apphost::Platform.AppHost.Hosting.ApplicationModel;
using apphost::Platform.AppHost.Hosting.Testing;
using Npgsql;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: AssemblyFixture(typeof(Platform.Notifications.Tests.PostgresServer))]
// Two cores and one PostgreSQL shared by every class: classes run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Platform.Notifications.Tests;

/// <summary>
/// One private PostgreSQL for the whole run, started by the AppHost's hosting code (Debian's binaries, no Docker).
/// The delivery queue (SKIP LOCKED claims), the fan-out (INSERT … SELECT … ON CONFLICT) and the digests are SQL that
/// only PostgreSQL runs, so these tests need the real thing. Each factory gets a database of its own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private static PostgresServer? _instance;
    private DistributedApplication? _app;
    private string _server = "";

    /// <summary>The run's server, for factories created without one passed in.</summary>
    public static PostgresServer Instance => _instance ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    public async ValueTask InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.CreateBuilder();
        builder.AddPostgres("postgres").AddDatabase("notificationsdb");
        _app = builder.Build();
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var database = new NpgsqlConnectionStringBuilder(_app.GetConnectionString("notificationsdb")) { Database = null };
        _server = database.ConnectionString;
        _instance = this;
    }

    /// <summary>A new, empty database on the shared server.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"notifications_{Guid.CreateVersion7():N}";
        await using (var connection = new NpgsqlConnection(_server + ";Database=postgres;Pooling=false"))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_server) { Database = name, MaxPoolSize = 20 }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
