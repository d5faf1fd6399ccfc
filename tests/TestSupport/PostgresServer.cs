using System.Collections.Concurrent;
using System.Reflection;
using Npgsql;
using Platform.AppHost.Hosting.Postgres;
using Xunit;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace Platform.TestSupport;

/// <summary>
/// One private PostgreSQL for a test assembly's whole run, started straight from Debian's binaries by the AppHost's
/// hosting library (no DCP, no Docker), and a new empty database on it for each factory. The services' rules rest on
/// PostgreSQL itself (constraints, row locks, SKIP LOCKED claims, ON CONFLICT), so their tests need the real thing,
/// not SQLite. A test project makes it its assembly fixture:
/// <code>[assembly: AssemblyFixture(typeof(PostgresServer))]</code>
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private static PostgresServer? _instance;

    // Names the server's folder and databases after the test project, so a leftover one says whose it was.
    private readonly string _databasePrefix = PrefixOf(Assembly.GetEntryAssembly());
    private LocalPostgresServer? _server;
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _templates = new();

    /// <summary>The run's server, for factories created without one passed in.</summary>
    public static PostgresServer Instance => _instance ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    public async ValueTask InitializeAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "platform-test-postgres", $"{_databasePrefix}-{Guid.CreateVersion7():N}");
        _server = await LocalPostgresServer.StartAsync(root, TestContext.Current.CancellationToken);
        _instance = this;
    }

    /// <summary>A new, empty database on the shared server.</summary>
    /// <param name="maxPoolSize">Connections one factory may hold: the server allows 100 for all of them together.</param>
    public Task<string> CreateDatabaseAsync(int maxPoolSize = 40) => CreateDatabaseAsync(maxPoolSize, template: null);

    /// <summary>
    /// A new database as <paramref name="migrate"/> leaves one: the first call for a <paramref name="schema"/> migrates a
    /// template database, and every call clones it (CREATE DATABASE … TEMPLATE, a file copy). Applying every migration
    /// builds each one's target model: about a tenth of the Events tests' time (111 s to 100 s for the assembly).
    /// </summary>
    /// <param name="migrate">Brings the database at the connection string it is given up to date, and lets go of it.</param>
    public async Task<string> CreateMigratedDatabaseAsync(string schema, Func<string, Task> migrate, int maxPoolSize = 40)
    {
        var template = await _templates.GetOrAdd(schema, _ => new Lazy<Task<string>>(() => CreateTemplateAsync(migrate))).Value;
        return await CreateDatabaseAsync(maxPoolSize, template);
    }

    private async Task<string> CreateTemplateAsync(Func<string, Task> migrate)
    {
        var connectionString = await CreateDatabaseAsync(maxPoolSize: 10, template: null);
        await migrate(connectionString);
        // A template is copied only while nobody is connected to it.
        await using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
        return new NpgsqlConnectionStringBuilder(connectionString).Database!;
    }

    private async Task<string> CreateDatabaseAsync(int maxPoolSize, string? template)
    {
        var server = _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");
        var name = $"{_databasePrefix}_{Guid.CreateVersion7():N}";
        await using (var connection = new NpgsqlConnection(server.ConnectionString + ";Database=postgres;Pooling=false"))
        {
            await connection.OpenAsync();
            var from = template is null ? "" : $" TEMPLATE \"{template}\" STRATEGY FILE_COPY";
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{from}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name, MaxPoolSize = maxPoolSize }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>"Platform.Events.Tests" becomes "events".</summary>
    private static string PrefixOf(Assembly? testAssembly)
    {
        var name = (testAssembly?.GetName().Name ?? "tests").Replace("Platform.", "", StringComparison.Ordinal).Replace(".Tests", "", StringComparison.Ordinal);
        var prefix = new string([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
        return prefix.Length > 0 ? prefix : "tests";
    }
}
