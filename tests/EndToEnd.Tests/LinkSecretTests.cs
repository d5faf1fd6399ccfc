using System.Net;
using System.Text;
using System.Text.Json;
using Npgsql;
using Platform.AppHost.Hosting;
using Platform.EndToEnd.Tests.Events;
using Platform.EndToEnd.Tests.Site.Events;
using RabbitMQ.Client;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// A link's secret is ciphertext everywhere between the service that makes it and Notifications, which builds the link
/// (messaging/LinkSecrets): in the publisher's unsent outbox row, on the broker and in an error queue. The email still
/// carries a link that works.
/// </summary>
[Collection(DisturbsPlatformCollection.Name)]
public sealed class LinkSecretTests(PlatformFixture platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_manage_token_is_sealed_in_the_unsent_outbox_row_and_the_error_queue_and_the_email_link_works()
    {
        var app = platform.App;
        var e = await platform.PublishEventAsync(10, [10]);
        var email = Addresses.Unique("sealed.link");
        using var publicClient = platform.CreatePublicClient();

        string unsent, parked;
        await StopBrokerAsync();
        await AllowNotificationsDatabaseAsync(false);
        try
        {
            try
            {
                await publicClient.RegisterOkAsync(e, EventsActors.Delegate(email, e.Workshops[0]));
                unsent = await UnsentOutboxBodyAsync(email);
            }
            finally
            {
                await app.StartResourceAsync("messaging", Cancel);
            }

            await app.WaitForResourceHealthyAsync("messaging", Cancel);
            // Events relays it; Notifications, its database closed, retries it and parks it in its error queue.
            parked = await ParkedBodyAsync(email);
        }
        finally
        {
            await AllowNotificationsDatabaseAsync(true);
        }

        var replayed = await app.ResourceCommands.ExecuteCommandAsync("notifications", DeadLetterCommands.Replay, Cancel);
        Assert.True(replayed.Success, replayed.Message);
        var token = await platform.ManageTokenFromEmailAsync(email);

        foreach (var body in new[] { unsent, parked })
        {
            Assert.Contains(email, body);
            Assert.DoesNotContain(token, body);
            Assert.Matches("\"manageToken\"\\s*:\\s*\"ls1\\.events-1\\.[A-Za-z0-9_-]{40,}\"", body);
        }

        using var managed = await publicClient.GetAsync(EventsActors.ManagePath(token), Cancel);
        Assert.Equal(HttpStatusCode.OK, managed.StatusCode);
        await app.WaitForResourceHealthyAsync("notifications", Cancel);
    }

    /// <summary>
    /// The dashboard's Stop on RabbitMQ. On a loaded machine its first stop can be reported as failed while the broker is
    /// still shutting down: then wait for it to end, and ask once more if it has not.
    /// </summary>
    private async Task StopBrokerAsync()
    {
        try
        {
            await platform.App.StopResourceAsync("messaging");
        }
        catch (Exception first) when (first is Xunit.Sdk.XunitException or OperationCanceledException)
        {
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await platform.App.ResourceNotifications.WaitForResourceAsync("messaging",
                    r => Aspire.Hosting.ApplicationModel.KnownResourceStates.TerminalStates.Contains(r.Snapshot.State?.Text), wait.Token);
            }
            catch (OperationCanceledException)
            {
                try
                {
                    await platform.App.StopResourceAsync("messaging");
                }
                catch
                {
                    // Leave the platform as the other tests expect it.
                    await platform.App.StartResourceAsync("messaging", Cancel);
                    await platform.App.WaitForResourceHealthyAsync("messaging", Cancel);
                    throw;
                }
            }
        }
    }

    private async Task<string> UnsentOutboxBodyAsync(string email)
    {
        var unpooled = new NpgsqlConnectionStringBuilder(platform.App.GetConnectionString("eventsdb")) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(
            "SELECT body FROM outbox_message WHERE sent_at IS NULL AND message_type LIKE '%RegistrationConfirmed%' AND body LIKE @pattern", connection);
        command.Parameters.AddWithValue("pattern", $"%{email}%");
        return Assert.IsType<string>(await command.ExecuteScalarAsync(Cancel));
    }

    /// <summary>The body of this test's confirmation in Notifications' error queue, read as the broker's administrator and left there.</summary>
    private async Task<string> ParkedBodyAsync(string email)
    {
        var factory = new ConnectionFactory { Uri = new Uri(platform.App.GetConnectionString("messaging")) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var listed = await platform.App.ResourceCommands.ExecuteCommandAsync("notifications", DeadLetterCommands.List, Cancel);
            Assert.True(listed.Success, listed.Message);
            var queues = JsonDocument.Parse(listed.Data!.Value).RootElement.EnumerateArray()
                .Where(q => q.GetProperty("messageCount").GetInt64() > 0 && q.GetProperty("queue").GetString() != "outbox")
                .Select(q => q.GetProperty("queue").GetString()!).ToList();
            foreach (var queue in queues)
            {
                await using var connection = await factory.CreateConnectionAsync(Cancel);
                await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancel);
                // Taken without acknowledging: closing the channel puts every one back.
                while (await channel.BasicGetAsync(queue, autoAck: false, Cancel) is { } message)
                {
                    var body = Encoding.UTF8.GetString(message.Body.Span);
                    if (body.Contains(email, StringComparison.Ordinal) && body.Contains("RegistrationConfirmed", StringComparison.Ordinal)) return body;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "the confirmation never reached an error queue");
            await Task.Delay(500, Cancel);
        }
    }

    private async Task AllowNotificationsDatabaseAsync(bool allow)
    {
        var builder = new NpgsqlConnectionStringBuilder(platform.App.GetConnectionString("notificationsdb")) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(Cancel);
        var sql = allow
            ? "ALTER DATABASE notificationsdb ALLOW_CONNECTIONS true"
            : "ALTER DATABASE notificationsdb ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'notificationsdb'";
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancel);
        if (allow) NpgsqlConnection.ClearAllPools();
    }
}
