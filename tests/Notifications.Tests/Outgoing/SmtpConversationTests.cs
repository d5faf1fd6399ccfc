using System.Net.Http.Json;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Notifications.Delivery;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.Tests.Outgoing;

/// <summary>The MailKit sender against a real SMTP server process that refuses some recipients.</summary>
public sealed class SmtpConversationTests
{
    private static readonly RenderedEmail Email = new("Hello", "text", "<p>html</p>");

    private static readonly Action HandOver = () => { };

    private static SmtpEmailSender SenderFor(RefusingSmtpServer server) => new(
        new SmtpServer("127.0.0.1", server.Port),
        Options.Create(new MailOptions { Security = SecureSocketOptions.None }),
        TimeProvider.System);

    [Fact]
    public async Task A_550_for_one_recipient_is_that_recipients_alone_and_the_connection_carries_on()
    {
        await using var server = await RefusingSmtpServer.StartAsync();
        await using var sender = SenderFor(server);

        await sender.SendAsync("first@example.org", Email, HandOver, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<SmtpCommandException>(() => sender.SendAsync("refuse-me@example.org", Email, HandOver, CancellationToken.None));
        await sender.SendAsync("second@example.org", Email, HandOver, CancellationToken.None);

        Assert.Equal(550, (int)refused.StatusCode);
        Assert.True(SmtpFailures.IsPermanentForRecipient(refused));
        Assert.False(SmtpFailures.IsTransient(refused));
        Assert.Equal(["first@example.org", "second@example.org"], await server.DeliveredAsync(2));
        // One conversation for the whole batch, the refusal included.
        Assert.Equal(1, server.Sessions);
    }

    [Fact]
    public async Task A_kept_connection_the_restarted_server_closed_costs_no_failure_the_message_goes_on_a_fresh_one()
    {
        var before = await RefusingSmtpServer.StartAsync();
        var port = before.Port;
        var sender = SenderFor(before);
        await using var _ = sender;
        await sender.SendAsync("first@example.org", Email, HandOver, CancellationToken.None);
        await before.DisposeAsync();
        await using var after = await RefusingSmtpServer.StartAsync(port);
        var handOvers = 0;

        // The kept connection is dead; nothing of the message reached a server, so no failure is reported.
        await sender.SendAsync("second@example.org", Email, () => handOvers++, CancellationToken.None);

        Assert.Equal(["second@example.org"], await after.DeliveredAsync(1));
        Assert.Equal(1, after.Sessions);
        Assert.Equal(1, handOvers);
    }

    [Fact]
    public async Task The_hand_over_runs_once_per_message_before_the_end_of_data_and_a_failed_one_leaves_the_message_undelivered()
    {
        await using var server = await RefusingSmtpServer.StartAsync();
        await using var sender = SenderFor(server);
        var handOvers = 0;

        await sender.SendAsync("first@example.org", Email, () => handOvers++, CancellationToken.None);
        // The hand-over could not be recorded: the conversation is dropped before the ".", so the server keeps nothing.
        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => sender.SendAsync(
            "lost@example.org", Email, () => throw new InvalidOperationException("database unreachable"), CancellationToken.None));
        await sender.SendAsync("second@example.org", Email, () => handOvers++, CancellationToken.None);
        await Task.Delay(300); // the server reports what it delivered on its own output

        Assert.Equal("database unreachable", failed.Message);
        Assert.Equal(2, handOvers);
        Assert.Equal(["first@example.org", "second@example.org"], await server.DeliveredAsync(2));
    }

    [Fact]
    public async Task The_delivery_queue_suppresses_the_refused_address_and_delivers_the_rest()
    {
        await using var server = await RefusingSmtpServer.StartAsync();
        await using var factory = new NotificationsFactory(realSender: true)
            .With("ConnectionStrings:mail", server.ConnectionString)
            .With("Notifications:Mail:Security", "None");
        var client = factory.CreateClient();

        foreach (var email in new[] { "reader@example.org", "refuse-me@example.org" })
        {
            using var response = await client.PostAsJsonAsync("/api/notifications/subscriptions", new { email, topics = new[] { "news" }, frequency = "immediately" });
            response.EnsureSuccessStatusCode();
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(server.Delivered.Contains("reader@example.org") && await factory.WithDbAsync(db => db.Suppressions.AnyAsync())))
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }

        Assert.Equal(["reader@example.org"], server.Delivered);
        var suppression = await factory.WithDbAsync(db => db.Suppressions.SingleAsync());
        Assert.Equal(Subscriber.Fingerprint("refuse-me@example.org"), suppression.Fingerprint);
        Assert.Contains("550", suppression.Reason);
        var deliveries = await factory.WithDbAsync(db => db.Deliveries.ToListAsync());
        Assert.Equal(DeliveryStatus.Sent, deliveries.Single(d => d.Recipient == "reader@example.org").Status);
        Assert.Equal(DeliveryStatus.Failed, deliveries.Single(d => d.Recipient == "refuse-me@example.org").Status);
    }
}
