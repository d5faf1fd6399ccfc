extern alias apphost;
using apphost::Platform.AppHost.Hosting;
using apphost::Platform.AppHost.Hosting.ApplicationModel;
using apphost::Platform.AppHost.Hosting.Testing;
using Npgsql;
using Xunit;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace Platform.TestSupport;

/// <summary>
/// One private PostgreSQL for a test assembly's whole run, started by the AppHost's hosting code (Debian's binaries,
/// no Docker), and a new empty database on it for each factory. A test project derives its assembly fixture from this,
/// naming its databases and their pool size.
/// </summary>
public abstract class PostgresServerFixture(string databasePrefix, int maxPoolSize) : IAsyncLifetime
{
    private DistributedApplication? _app;
    private string _server = "";

    public virtual async ValueTask InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.CreateBuilder();
        builder.AddPostgres("postgres").AddDatabase(databasePrefix + "db");
        _app = builder.Build();
        await _app.StartAsync(TestContext.Current.CancellationToken);
        _server = new NpgsqlConnectionStringBuilder(_app.GetConnectionString(databasePrefix + "db")) { Database = null }.ConnectionString;
    }

    /// <summary>A new, empty database on the shared server.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"{databasePrefix}_{Guid.CreateVersion7():N}";
        await using (var connection = new NpgsqlConnection(_server + ";Database=postgres;Pooling=false"))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_server) { Database = name, MaxPoolSize = maxPoolSize }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
