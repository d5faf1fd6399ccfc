using System.Net;
using System.Net.Http.Json;

namespace Platform.EndToEnd.Tests;

/// <summary>A broker outage delays messages; it loses none and doubles none (design.md).</summary>
[Collection(DisturbsPlatformCollection.Name)]
public sealed class OutboxTests(PlatformFixture platform)
{
    [Fact]
    public async Task Events_written_while_RabbitMQ_is_down_are_delivered_once_each_after_it_returns()
    {
        var app = platform.App;
        var mailbox = app.GetMailbox("mail");
        var emails = Enumerable.Range(1, 5).Select(i => Addresses.Unique($"outage{i}")).ToList();
        var cancellationToken = TestContext.Current.CancellationToken;

        await app.StopResourceAsync("messaging");
        try
        {
            foreach (var email in emails)
            {
                using var response = await platform.Gateway.PostAsJsonAsync("/api/notifications/subscriptions",
                    new { email, topics = new[] { "events" }, frequency = "immediately" }, cancellationToken);
                // Accepted work is stored with its event, whatever the broker is doing.
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }

            var held = await app.CountAsync("notificationsdb",
                "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL AND body LIKE ANY (@patterns)",
                ("patterns", emails.Select(e => $"%{e}%").ToArray()));
            Assert.Equal(emails.Count, held);
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            Assert.DoesNotContain(mailbox.Messages(), m => emails.Any(m.IsTo));
        }
        finally
        {
            await app.StartResourceAsync("messaging", cancellationToken);
        }
        await app.WaitForResourceHealthyAsync("messaging", cancellationToken);

        foreach (var email in emails)
            await mailbox.WaitForAsync(m => m.IsTo(email), TimeSpan.FromSeconds(90));
        // Let any duplicate that might still be on its way arrive before counting.
        await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
        foreach (var email in emails)
            Assert.Single(mailbox.Messages(), m => m.IsTo(email));
        Assert.Equal(0, await app.CountAsync("notificationsdb",
            "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL AND body LIKE ANY (@patterns)",
            ("patterns", emails.Select(e => $"%{e}%").ToArray())));

        // Leave the platform as the other tests expect it.
        await app.WaitForResourceHealthyAsync("notifications", cancellationToken);
    }
}
