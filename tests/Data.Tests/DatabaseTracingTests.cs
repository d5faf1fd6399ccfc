using System.Diagnostics;
using Npgsql;

namespace Platform.Data.Tests;

/// <summary>A command is traced inside traced work (a request, a message) and not when a background pass polls.</summary>
public sealed class DatabaseTracingTests(PostgresServer server)
{
    [Fact]
    public async Task A_command_is_traced_within_an_activity_and_an_idle_poll_is_not()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await server.CreateDatabaseAsync();
        await using var dataSource = new NpgsqlDataSourceBuilder(connectionString).WithPlatformTracing().Build();
        // A pooled connection, as a running service's are: opening a physical one is traced apart (rarely, and usefully).
        await (await dataSource.OpenConnectionAsync(cancellationToken)).DisposeAsync();
        var traced = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Work",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { if (activity.Source.Name == "Npgsql") lock (traced) traced.Add(activity.ParentId ?? "no parent"); },
        };
        ActivitySource.AddActivityListener(listener);
        using var work = new ActivitySource("Work");

        Assert.Null(Activity.Current);
        await using (var poll = dataSource.CreateCommand("SELECT 1")) await poll.ExecuteScalarAsync(cancellationToken);
        Assert.Empty(traced);

        using (var request = work.StartActivity("request"))
        {
            await using var command = dataSource.CreateCommand("SELECT 2");
            await command.ExecuteScalarAsync(cancellationToken);
            Assert.Equal(request!.Id, Assert.Single(traced));
        }
    }
}
