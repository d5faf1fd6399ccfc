using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.AppHost.Hosting;
using Platform.Contracts.Events;
using Platform.EndToEnd.Tests.Notifications;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// A message whose consumer keeps failing is retried, then parked in an error queue; the dashboard's commands list it
/// and replay it once the cause is gone, and it then has its effect exactly once.
/// </summary>
[Collection(DisturbsPlatformCollection.Name)]
public sealed class DeadLetterTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_message_that_failed_while_the_database_was_unreachable_is_listed_and_replayed_from_the_dashboard()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var app = platform.App;
        var mailbox = app.GetMailbox("mail");
        var email = Addresses.Unique("dead.letter");
        // An SMTP outage no longer fails a consumer (Notifications queues mail durably and retries the server itself),
        // so the cause here is Notifications' database refusing connections while the message is consumed.
        var cancelled = new RegistrationCancelled(Guid.NewGuid(), Guid.NewGuid(), $"Dead letter day {Guid.NewGuid():N}", "Dee", email);

        await AllowConnectionsAsync(false);
        JsonElement queue;
        try
        {
            await platform.PublishToBrokerAsync(cancelled, Guid.NewGuid());
            queue = await WaitForDeadLetterAsync(cancellationToken);
        }
        finally
        {
            await AllowConnectionsAsync(true);
        }
        Assert.DoesNotContain(mailbox.Messages(), m => m.IsTo(email));

        // Anything else Notifications was consuming while its database was closed (other tests' mail) was parked
        // too; the command replays every parked queue.
        Assert.True(await ReplayAllAsync(cancellationToken) >= 1);

        await mailbox.WaitForAsync(m => m.IsTo(email), TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        Assert.Single(mailbox.Messages(), m => m.IsTo(email));
        Assert.Null(await DeadLetterQueueAsync(cancellationToken));
    }

    /// <summary>The Replay dead letters command on Notifications' resource, as the dashboard runs it.</summary>
    private async Task<int> ReplayAllAsync(CancellationToken cancellationToken)
    {
        var result = await platform.App.ResourceCommands.ExecuteCommandAsync("notifications", DeadLetterCommands.Replay, cancellationToken);
        Assert.True(result.Success, result.Message);
        return JsonDocument.Parse(result.Data!.Value).RootElement.GetProperty("replayed").GetInt32();
    }

    /// <summary>Closes (and cuts every session to) or reopens notificationsdb, from the server's maintenance database.</summary>
    private async Task AllowConnectionsAsync(bool allow)
    {
        var builder = new NpgsqlConnectionStringBuilder(platform.App.GetConnectionString("notificationsdb")) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var sql = allow
            ? "ALTER DATABASE notificationsdb ALLOW_CONNECTIONS true"
            : "ALTER DATABASE notificationsdb ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'notificationsdb'";
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        // Sessions this test process pooled to notificationsdb were cut: later tests must not be handed one.
        if (allow) NpgsqlConnection.ClearAllPools();
    }

    private async Task<JsonElement> WaitForDeadLetterAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (await DeadLetterQueueAsync(cancellationToken) is { } queue) return queue;
            Assert.True(DateTime.UtcNow < deadline, "the failed message never reached an error queue");
            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>
    /// Notifications' error queue with messages in it, as the dashboard's Dead letters command lists it: by default the one holding this
    /// test's RegistrationCancelled (other tests' mail may be parked beside it).
    /// </summary>
    private async Task<JsonElement?> DeadLetterQueueAsync(CancellationToken cancellationToken, Func<JsonElement, bool>? which = null)
    {
        which ??= q => q.GetProperty("messages").EnumerateArray()
            .Any(m => m.GetProperty("messageType").GetString()?.Contains("RegistrationCancelled", StringComparison.Ordinal) == true);
        var result = await platform.App.ResourceCommands.ExecuteCommandAsync("notifications", DeadLetterCommands.List, cancellationToken);
        Assert.True(result.Success, result.Message);
        var queues = JsonDocument.Parse(result.Data!.Value).RootElement;
        return queues.EnumerateArray()
            .Where(q => q.GetProperty("messageCount").GetInt64() > 0 && which(q))
            .Select(q => (JsonElement?)q)
            .FirstOrDefault();
    }
}
