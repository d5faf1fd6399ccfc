using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Platform.Contracts.Notifications;
using Platform.EndToEnd.Tests.Notifications;

namespace Platform.EndToEnd.Tests;

/// <summary>A message delivered twice has one effect: consumers keep an inbox of processed message ids.</summary>
public sealed class InboxTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_same_message_delivered_twice_is_acted_on_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var app = platform.App;
        var mailbox = app.GetMailbox("mail");
        var email = Addresses.Unique("duplicate");
        using var response = await platform.Gateway.PostAsJsonAsync("/api/notifications/subscriptions",
            new { email, topics = new[] { "news" }, frequency = "daily" }, cancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await mailbox.WaitForAsync(m => m.IsTo(email), TimeSpan.FromSeconds(30));

        // The event exactly as the outbox relayed it, delivered again with the same message id: what a redelivery
        // after a lost acknowledgement looks like to the consumer.
        var (messageId, body) = await SentEventAsync(email);
        var original = JsonSerializer.Deserialize<SubscriptionRequested>(body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        Assert.Equal(messageId, original.EventId);
        await platform.PublishToBrokerAsync(original, messageId);

        await WaitUntilAsync(async () => await InboxCountAsync(messageId) == 1);
        // Give the second copy time to be consumed (or, were the inbox broken, to send a second email).
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);

        Assert.Single(mailbox.Messages(), m => m.IsTo(email));
        Assert.Equal(1, await InboxCountAsync(messageId));
        Assert.Equal(1, await app.CountAsync("notificationsdb", "SELECT count(*) FROM delivery WHERE source_event_id = @id", ("id", messageId)));
    }

    private Task<long> InboxCountAsync(Guid messageId) =>
        platform.App.CountAsync("notificationsdb", "SELECT count(*) FROM inbox_state WHERE message_id = @id", ("id", messageId));

    private async Task<(Guid MessageId, string Body)> SentEventAsync(string email)
    {
        await using var connection = new NpgsqlConnection(platform.App.GetConnectionString("notificationsdb"));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT message_id, body FROM outbox_message WHERE body LIKE @pattern AND sent_at IS NOT NULL", connection);
        command.Parameters.AddWithValue("pattern", $"%{email}%");
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken), "the relayed event is not in the outbox");
        return (reader.GetGuid(0), reader.GetString(1));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the inbox");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
