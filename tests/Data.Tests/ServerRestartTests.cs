using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Platform.Data.Tests;

/// <summary>
/// PostgreSQL restarted under a service (the fault suite's database restart): every idle connection in the service's
/// pool is dead. With the platform's DbContext registration the first query to meet one fails and clears the pool;
/// the queries after it get fresh connections.
/// </summary>
public sealed class ServerRestartTests(PostgresServer server)
{
    private const int Pooled = 6;

    [Fact]
    public async Task After_the_servers_sessions_end_one_query_fails_and_the_next_ones_get_fresh_connections()
    {
        var connectionString = await server.CreateDatabaseAsync();
        await RoleBoard.SeedAsync(connectionString);
        var builder = ServiceHost.CreateBuilder();
        builder.Configuration["ConnectionStrings:roleboard"] = connectionString;
        builder.AddNpgsqlDbContext<RoleBoard>("roleboard");
        using var host = builder.Build();

        // Several connections in the pool at once, then idle, as in a service between bursts.
        using (var gate = new SemaphoreSlim(0))
        {
            var busy = Enumerable.Range(0, Pooled).Select(_ => Task.Run(async () =>
            {
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<RoleBoard>();
                await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
                await db.Roles.CountAsync(TestContext.Current.CancellationToken);
                await gate.WaitAsync(TestContext.Current.CancellationToken);
            })).ToList();
            await Task.Delay(500, TestContext.Current.CancellationToken);
            gate.Release(Pooled);
            await Task.WhenAll(busy);
        }

        // What a restart does to each of them: the server ends the session (57P01, "administrator command").
        await using (var admin = new NpgsqlConnection(connectionString + ";Pooling=false"))
        {
            await admin.OpenAsync(TestContext.Current.CancellationToken);
            await using var terminate = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()", admin);
            Assert.True((long)(await terminate.ExecuteScalarAsync(TestContext.Current.CancellationToken))! >= Pooled - 1);
        }

        var outcomes = new List<string>();
        for (var i = 0; i < Pooled; i++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RoleBoard>();
            try
            {
                await db.Roles.CountAsync(TestContext.Current.CancellationToken);
                outcomes.Add("ok");
            }
            catch (Exception e) when (ServerRestarts.IsBrokenConnection(e) || e is InvalidOperationException)
            {
                outcomes.Add("broken");
            }
        }

        Assert.True(outcomes.Skip(1).All(o => o == "ok"), string.Join(", ", outcomes));
    }
}
