using Npgsql;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Data.Jobs;

/// <summary>
/// A periodic job's pass held by a PostgreSQL session-level advisory lock in the service's own database
/// (<c>pg_try_advisory_lock</c>), taken before the pass and released after it. An advisory lock rather than a lease
/// row: it needs no table or migration in five databases and no clock (the test platform moves the services' clocks,
/// not the server's), a wake signal can still run a pass at once on whichever replica it woke, and a replica that
/// dies mid-pass loses the lock with its session: the server frees it as soon as the connection closes, and a replica
/// waiting for it (PeriodicJobService asks again every second) takes the work over. A pass that stops midway is safe to run again,
/// since each pass claims its rows and commits what it finished (<see cref="IPeriodicJob"/>).
/// </summary>
internal sealed class PostgresJobLock : IPeriodicJobLock, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresJobLock(string connectionString)
    {
        // Connections of their own, each held for a pass: the service's pool skips the reset on return
        // (NpgsqlDbContextExtensions), which here runs DISCARD ALL, freeing any advisory lock a failed unlock left.
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = 4,
            NoResetOnClose = false,
            ApplicationName = "periodic-jobs",
        };
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    public async Task<IAsyncDisposable?> TryTakeAsync(string job, CancellationToken cancellationToken)
    {
        var key = KeyOf(job);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } };
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new Held(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    private static long KeyOf(string job) => AdvisoryLockKey.Of($"periodic-job:{job}");

    private sealed class Held(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = key } } };
                await command.ExecuteScalarAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // A broken connection: its session, and the lock with it, are gone already.
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
