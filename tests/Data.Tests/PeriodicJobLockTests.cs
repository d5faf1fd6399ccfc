using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.Data.Jobs;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Data.Tests;

/// <summary>
/// Periodic jobs at two replicas (issue 22): each a host of its own, as two copies of a service are, sharing one
/// database. A pass runs on one replica at a time, and a replica whose session dies mid-pass (what the server sees when
/// its process is killed) is taken over by the other as soon as its session ends.
/// </summary>
public sealed class PeriodicJobLockTests(PostgresServer server)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);

    [Fact]
    public async Task A_job_held_by_one_replica_is_refused_to_another_until_released_and_other_jobs_are_not_held()
    {
        var connectionString = await server.CreateDatabaseAsync(maxPoolSize: 4);
        await using var first = new PostgresJobLock(connectionString);
        await using var second = new PostgresJobLock(connectionString);

        var held = await first.TryTakeAsync("reminders", CancellationToken.None);
        Assert.NotNull(held);
        Assert.Null(await second.TryTakeAsync("reminders", CancellationToken.None));
        await using (var other = await second.TryTakeAsync("digests", CancellationToken.None))
        {
            Assert.NotNull(other);
        }

        await held.DisposeAsync();
        await using var taken = await second.TryTakeAsync("reminders", CancellationToken.None);
        Assert.NotNull(taken);
    }

    [Fact]
    public async Task A_lock_whose_session_died_is_free_at_once_and_releasing_it_afterwards_does_not_throw()
    {
        var connectionString = await server.CreateDatabaseAsync(maxPoolSize: 4);
        await using var first = new PostgresJobLock(connectionString);
        await using var second = new PostgresJobLock(connectionString);
        var held = await first.TryTakeAsync("sweep", CancellationToken.None);
        Assert.NotNull(held);

        Assert.Equal(1, await EndHoldersSessionsAsync(connectionString));

        await using var taken = await second.TryTakeAsync("sweep", CancellationToken.None);
        Assert.NotNull(taken);
        await held.DisposeAsync();
    }

    [Fact]
    public async Task At_two_replicas_one_pass_runs_at_a_time()
    {
        var connectionString = await server.CreateDatabaseAsync(maxPoolSize: 10);
        var record = new PassRecord();
        using var a = await StartReplicaAsync("a", connectionString, record, (_, ct) => Task.Delay(Interval / 2, ct));
        using var b = await StartReplicaAsync("b", connectionString, record, (_, ct) => Task.Delay(Interval / 2, ct));

        await Task.Delay(Interval * 12, TestContext.Current.CancellationToken);
        await a.StopAsync(TestContext.Current.CancellationToken);
        await b.StopAsync(TestContext.Current.CancellationToken);

        var passes = record.Finished.OrderBy(p => p.Started).ToList();
        Assert.True(passes.Count >= 6, $"only {passes.Count} passes in twelve intervals");
        for (var i = 1; i < passes.Count; i++)
        {
            Assert.True(passes[i].Started >= passes[i - 1].Ended,
                $"{passes[i].Replica}'s pass began at {passes[i].Started:O}, before {passes[i - 1].Replica}'s ended at {passes[i - 1].Ended:O}");
        }
    }

    [Fact]
    public async Task A_replica_killed_mid_pass_is_taken_over_by_the_other_within_one_interval()
    {
        var connectionString = await server.CreateDatabaseAsync(maxPoolSize: 10);
        var record = new PassRecord();
        var stuck = new TaskCompletionSource();
        // Replica a's passes never end (a process about to be killed); b's are quick.
        using var a = await StartReplicaAsync("a", connectionString, record, async (_, ct) =>
        {
            stuck.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        await stuck.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        using var b = await StartReplicaAsync("b", connectionString, record, (_, _) => Task.CompletedTask);

        await Task.Delay(Interval * 3, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(record.Started, p => p.Replica == "b");

        var killedAt = DateTimeOffset.UtcNow;
        Assert.Equal(1, await EndHoldersSessionsAsync(connectionString));
        var takeover = await record.FirstStartAsync("b", TimeSpan.FromSeconds(10));

        // Within one interval of b's (plus a pass of slack for a machine under load).
        Assert.True(takeover - killedAt < Interval * 2, $"b took over {(takeover - killedAt).TotalMilliseconds} ms after a's session ended");
        await b.StopAsync(TestContext.Current.CancellationToken);
        await a.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_replica_that_found_the_job_held_runs_its_pass_once_the_holder_dies_not_an_interval_later()
    {
        // An interval far longer than the test: b's only chance to run is right after a's session ends, as a copy of the
        // Volunteers sweep (five minutes) woken by a moved clock while the copy about to be killed held the sweep.
        var hour = TimeSpan.FromHours(1);
        var connectionString = await server.CreateDatabaseAsync(maxPoolSize: 10);
        var record = new PassRecord();
        var stuck = new TaskCompletionSource();
        using var a = await StartReplicaAsync("a", connectionString, record, async (_, ct) =>
        {
            stuck.TrySetResult();
            await Task.Delay(Timeout.Infinite, ct);
        }, hour);
        await stuck.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        using var b = await StartReplicaAsync("b", connectionString, record, (_, _) => Task.CompletedTask, hour);
        await Task.Delay(PeriodicJobExtensions.HeldElsewhereRetry * 2, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(record.Started, p => p.Replica == "b");

        var killedAt = DateTimeOffset.UtcNow;
        Assert.Equal(1, await EndHoldersSessionsAsync(connectionString));
        var takeover = await record.FirstStartAsync("b", TimeSpan.FromSeconds(10));

        Assert.True(takeover - killedAt < PeriodicJobExtensions.HeldElsewhereRetry * 3,
            $"b took over {(takeover - killedAt).TotalMilliseconds} ms after a's session ended");
        await b.StopAsync(TestContext.Current.CancellationToken);
        await a.StopAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<IHost> StartReplicaAsync(string name, string connectionString, PassRecord record, Func<string, CancellationToken, Task> behaviour,
        TimeSpan? interval = null)
    {
        var builder = ServiceHost.CreateBuilder();
        builder.Configuration["ConnectionStrings:roleboard"] = connectionString;
        builder.AddNpgsqlDbContext<RoleBoard>("roleboard");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new Replica(name, record, behaviour));
        builder.Services.AddPeriodicJob<RecordingJob>(interval ?? Interval);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    /// <summary>Ends every session holding an advisory lock in the test's database, as the server does when the
    /// process holding it dies (its connection closes).</summary>
    private static async Task<int> EndHoldersSessionsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(pg_terminate_backend(l.pid)) FROM pg_locks l
            JOIN pg_database d ON d.oid = l.database
            WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database()
            """, connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync());
    }

    private sealed record Pass(string Replica, DateTimeOffset Started, DateTimeOffset Ended);

    private sealed class PassRecord
    {
        public ConcurrentQueue<Pass> Finished { get; } = new();

        public ConcurrentQueue<(string Replica, DateTimeOffset At)> Started { get; } = new();

        public async Task<DateTimeOffset> FirstStartAsync(string replica, TimeSpan patience)
        {
            var deadline = DateTimeOffset.UtcNow + patience;
            while (DateTimeOffset.UtcNow < deadline)
            {
                if (Started.FirstOrDefault(p => p.Replica == replica) is { Replica: not null } first) return first.At;
                await Task.Delay(10, TestContext.Current.CancellationToken);
            }

            throw new TimeoutException($"{replica} ran no pass in {patience}.");
        }
    }

    private sealed record Replica(string Name, PassRecord Record, Func<string, CancellationToken, Task> Behaviour);

    private sealed class RecordingJob(Replica replica) : IPeriodicJob
    {
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            var started = DateTimeOffset.UtcNow;
            replica.Record.Started.Enqueue((replica.Name, started));
            await replica.Behaviour(replica.Name, cancellationToken);
            replica.Record.Finished.Enqueue(new Pass(replica.Name, started, DateTimeOffset.UtcNow));
        }
    }
}
