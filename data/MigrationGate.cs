using Npgsql;
using Platform.Data;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// One copy of a service at a time migrates its database. Copies start together (<c>--replicas 2</c>, a deployment's
/// pods) and each migrates on start; EF Core's own lock (Npgsql's: the history table, per migration's transaction)
/// still let two copies apply the same migration, and the second stopped on start ("column already exists"), taking
/// with it everything that waited for it. A session-level advisory lock held across the whole migration makes the
/// other copies wait, then find nothing left to apply. The session is a connection of its own, unpooled: if the
/// process dies mid-migration, the server frees the lock with the connection.
/// </summary>
internal sealed class MigrationGate : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private MigrationGate(NpgsqlConnection connection) => _connection = connection;

    /// <param name="migrating">What migrates (the database context's type): one lock per database schema.</param>
    public static async Task<MigrationGate> EnterAsync(string connectionString, string migrating, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            ApplicationName = "migrations",
        }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection) { Parameters = { new() { Value = AdvisoryLockKey.Of($"migrations:{migrating}") } } };
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new MigrationGate(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Closing the session releases the lock.</summary>
    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
