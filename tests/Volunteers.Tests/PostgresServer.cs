extern alias apphost;
using apphost::Platform.AppHost.Hosting;
using apphost::Platform.AppHost.Hosting.ApplicationModel;
using apphost::Platform.AppHost.Hosting.Testing;
using Npgsql;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: AssemblyFixture(typeof(Platform.Volunteers.Tests.PostgresServer))]
// Two cores and one PostgreSQL (100 connections) shared by every class: classes run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Platform.Volunteers.Tests;

/// <summary>
/// One private PostgreSQL for the whole run, started by the AppHost's hosting code (Debian's binaries, no Docker).
/// Places, locks and claims are PostgreSQL's, so these tests need the real thing, not SQLite. Each test class gets its
/// own database so classes can run side by side.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private DistributedApplication? _app;
    private string _server = "";

    public async ValueTask InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.CreateBuilder();
        builder.AddPostgres("postgres").AddDatabase("volunteersdb");
        _app = builder.Build();
        await _app.StartAsync(TestContext.Current.CancellationToken);
        var volunteersdb = new NpgsqlConnectionStringBuilder(_app.GetConnectionString("volunteersdb"));
        volunteersdb.Database = null;
        _server = volunteersdb.ConnectionString;
    }

    /// <summary>A new, empty database on the shared server.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"volunteers_{Guid.CreateVersion7():N}";
        await using (var connection = new NpgsqlConnection(_server + ";Database=postgres;Pooling=false"))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(_server) { Database = name, MaxPoolSize = 40 }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
