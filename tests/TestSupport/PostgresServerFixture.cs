using Npgsql;
using Platform.AppHost.Hosting.Postgres;
using Xunit;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace Platform.TestSupport;

/// <summary>
/// One private PostgreSQL for a test assembly's whole run, started straight from Debian's binaries by the AppHost's
/// hosting library (no DCP, no Docker), and a new empty database on it for each factory. A test project derives its
/// assembly fixture from this, naming its databases and their pool size.
/// </summary>
public abstract class PostgresServerFixture(string databasePrefix, int maxPoolSize) : IAsyncLifetime
{
    private LocalPostgresServer? _server;

    public virtual async ValueTask InitializeAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "platform-test-postgres", $"{databasePrefix}-{Guid.CreateVersion7():N}");
        _server = await LocalPostgresServer.StartAsync(root, TestContext.Current.CancellationToken);
    }

    /// <summary>A new, empty database on the shared server.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var server = _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");
        var name = $"{databasePrefix}_{Guid.CreateVersion7():N}";
        await using (var connection = new NpgsqlConnection(server.ConnectionString + ";Database=postgres;Pooling=false"))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, MaxPoolSize = maxPoolSize }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
