using System.Text.Json;
using Platform.AppHost.Hosting;
using Platform.Contracts.Awards;
using RabbitMQ.Client;

namespace Platform.EndToEnd.Tests.Notifications;

/// <summary>
/// Only the service that owns an event type can make Notifications act on it: each service has its own broker login,
/// allowed to write only to its own exchanges, and Notifications refuses a message whose broker-validated publisher
/// (user_id) is not the type's owner. A forged WinnersAnnounced would otherwise email every awards subscriber.
/// </summary>
public sealed class PublisherCheckTests(PlatformFixture platform)
{
    private const string WinnersExchange = "Platform.Contracts.Awards:WinnersAnnounced";
    private const ushort AccessRefused = 403;
    private const ushort PreconditionFailed = 406;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_forged_WinnersAnnounced_is_refused_by_the_broker_or_dead_lettered_and_emails_nobody_while_Awards_own_is_sent()
    {
        using var reader = platform.CreatePublicClient();
        var email = Addresses.Unique("Awards.Watcher");
        await platform.SubscribeAsync(reader, email, ["awards"], "immediately");
        var forged = Announcement($"Forged Awards {Guid.NewGuid():N}");

        // Another service's login may not write to Awards' exchange, nor straight to Notifications' queue, nor claim to be
        // Awards on its own exchange; the administrator may write anywhere, but may not claim to be Awards either...
        Assert.Equal(AccessRefused, await RefusalAsync("messaging-events", WinnersExchange, userId: null));
        Assert.Equal(AccessRefused, await RefusalAsync("messaging-events", "", userId: null, routingKey: "notifications-tell-subscribers-of-winners"));
        Assert.Equal(PreconditionFailed, await RefusalAsync("messaging-events", "Platform.Contracts.Events:RegistrationConfirmed", userId: "awards"));
        Assert.Equal(PreconditionFailed, await RefusalAsync("messaging", WinnersExchange, userId: "awards"));
        // ...and what it publishes as itself reaches Notifications, which refuses it into the error queue.
        var forgedId = Guid.NewGuid();
        await platform.PublishToBrokerAsync(forged, forgedId, login: "messaging");

        // Awards' own announcement, published after the forgery, is mailed: the consumer was running all along.
        var genuine = Announcement($"Genuine Awards {Guid.NewGuid():N}");
        await platform.PublishToBrokerAsync(genuine, Guid.NewGuid());
        await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(email) && m.DecodedSubject().StartsWith(genuine.ProgrammeName, StringComparison.Ordinal), SubscriberMail.MailTimeout);

        var parked = await WaitForDeadLetterAsync(forgedId);
        Assert.Contains("UnexpectedPublisherException", parked.GetProperty("faultExceptionType").GetString());
        Assert.Contains("awards", parked.GetProperty("faultMessage").GetString());
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        Assert.DoesNotContain(platform.To(email), m => m.DecodedSubject().StartsWith(forged.ProgrammeName, StringComparison.Ordinal));
        Assert.Equal(0, await platform.App.CountAsync("notificationsdb", "SELECT count(*) FROM news_post WHERE source_event_id = @id", ("id", forged.EventId)));
    }

    private static WinnersAnnounced Announcement(string programme) => new(Guid.NewGuid(), 2026, programme, DateTimeOffset.UtcNow,
        [new AwardWinner(Guid.NewGuid(), "Young Hero", "Sam Star", null, "North", "For bravery.")], "https://example.org/awards");

    /// <summary>
    /// The AMQP reply code with which the broker closes the channel of a publish as <paramref name="login"/> (MassTransit
    /// retries a refused publish for ever, so this one is plain AMQP with confirms).
    /// </summary>
    private async Task<ushort> RefusalAsync(string login, string exchange, string? userId, string routingKey = "")
    {
        var factory = new ConnectionFactory { Uri = new Uri(platform.App.GetConnectionString(login)) };
        await using var connection = await factory.CreateConnectionAsync(Cancel);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), Cancel);
        var properties = new BasicProperties { UserId = userId, MessageId = Guid.NewGuid().ToString(), ContentType = "application/vnd.masstransit+json" };
        await Assert.ThrowsAnyAsync<Exception>(async () =>
            await channel.BasicPublishAsync(exchange, routingKey, mandatory: false, properties, "{}"u8.ToArray(), Cancel).AsTask().WaitAsync(TimeSpan.FromSeconds(20), Cancel));
        return channel.CloseReason?.ReplyCode ?? 0;
    }

    /// <summary>The forged message as the dashboard's Dead letters command on Notifications lists it.</summary>
    private async Task<JsonElement> WaitForDeadLetterAsync(Guid messageId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var result = await platform.App.ResourceCommands.ExecuteCommandAsync("notifications", DeadLetterCommands.List, Cancel);
            Assert.True(result.Success, result.Message);
            var message = JsonDocument.Parse(result.Data!.Value).RootElement.EnumerateArray()
                .SelectMany(q => q.GetProperty("messages").EnumerateArray())
                .Where(m => m.GetProperty("messageId").GetString() == messageId.ToString())
                .Select(m => (JsonElement?)m.Clone())
                .FirstOrDefault();
            if (message is { } found) return found;
            Assert.True(DateTime.UtcNow < deadline, "the forged message never reached an error queue");
            await Task.Delay(500, Cancel);
        }
    }
}
