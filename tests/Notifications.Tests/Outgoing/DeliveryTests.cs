using System.Net.Sockets;
using MailKit.Net.Smtp;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Notifications.Delivery;
using Platform.Notifications.Subscriptions;
using Platform.Notifications.Transactional;

namespace Platform.Notifications.Tests.Outgoing;

/// <summary>The outgoing queue against failures of the mail server: retried, paused, suppressed, never doubled.</summary>
public sealed class DeliveryTests : IAsyncDisposable
{
    private NotificationsFactory _factory = new();

    [Fact]
    public async Task Transient_failures_are_retried_until_the_message_is_delivered_once()
    {
        var failures = 0;
        _factory.Emails.Failure = to => to == "flaky@example.org" && Interlocked.Increment(ref failures) <= 4
            ? new SmtpCommandException(SmtpErrorCode.UnexpectedStatusCode, SmtpStatusCode.ServiceNotAvailable, "try later")
            : null;

        await QueueTransactionalAsync("flaky@example.org");
        await _factory.WaitForEmailsAsync(1);

        Assert.Single(_factory.To("flaky@example.org"));
        Assert.True(failures >= 5);
        var delivery = await _factory.WithDbAsync(db => db.Deliveries.SingleAsync());
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Null(delivery.HtmlBody); // the rendered copy is dropped once sent
    }

    [Fact]
    public async Task A_5xx_for_the_address_suppresses_it_and_ends_its_subscription_with_the_reason()
    {
        await _factory.SubscribeAsync("gone@example.org", ["news"], "immediately");
        _factory.Emails.Failure = to => to == "gone@example.org"
            ? new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, new MimeKit.MailboxAddress(null, to), "mailbox unavailable")
            : null;

        await _factory.PublishNewsAsync("Bounce me");
        await WaitUntilAsync(() => _factory.WithDbAsync(db => db.Suppressions.AnyAsync()));

        var subscription = await _factory.WithDbAsync(db => db.Subscriptions.SingleAsync());
        Assert.Equal(SubscriptionStatus.Ended, subscription.Status);
        Assert.StartsWith("bounced:", subscription.EndReason);
        Assert.Equal(Subscriber.Fingerprint("gone@example.org"), (await _factory.WithDbAsync(db => db.Suppressions.SingleAsync())).Fingerprint);
        Assert.Equal(DeliveryStatus.Failed, (await _factory.WithDbAsync(db => db.Deliveries.SingleAsync(d => d.Kind == "news"))).Status);

        // Anything later for the address is recorded but never offered to the server.
        var attempts = _factory.Emails.Attempts;
        Assert.False(await QueueTransactionalAsync("Gone@Example.org"));
        await Task.Delay(300);
        Assert.Equal(attempts, _factory.Emails.Attempts);
        Assert.Equal(DeliveryStatus.Suppressed, (await _factory.WithDbAsync(db => db.Deliveries.SingleAsync(d => d.Kind == EventsEmails.ReminderKind))).Status);
    }

    [Fact]
    public async Task An_outage_opens_the_circuit_so_sending_pauses_and_everything_is_delivered_once_afterwards()
    {
        await _factory.DisposeAsync();
        _factory = new NotificationsFactory().With("Notifications:Delivery:BreakDuration", "00:00:01");
        var down = true;
        _factory.Emails.Failure = _ => Volatile.Read(ref down) ? new SocketException((int)SocketError.ConnectionRefused) : null;
        for (var i = 0; i < 40; i++) await QueueTransactionalAsync($"burst{i}@example.org");

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var attemptsDuringOutage = _factory.Emails.Attempts;
        Volatile.Write(ref down, false);
        await _factory.WaitForEmailsAsync(40, TimeSpan.FromSeconds(1));

        // Without the breaker, 40 messages × 3 tries each would all have been burnt in the first moments.
        Assert.True(attemptsDuringOutage < 40, $"{attemptsDuringOutage} attempts while the server was down");
        Assert.Equal(40, _factory.Emails.Sent.Count);
        Assert.Equal(40, _factory.Emails.Sent.Select(s => s.To).Distinct().Count());
        Assert.Equal(40, await _factory.WithDbAsync(db => db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Sent)));
    }

    [Fact]
    public async Task Transactional_mail_goes_ahead_of_bulk_news()
    {
        await _factory.DisposeAsync();
        _factory = new NotificationsFactory().With("Notifications:Delivery:Concurrency", "1").With("Notifications:Delivery:BatchSize", "2")
            .With("Notifications:Delivery:MessagesPerSecond", "50");
        await _factory.SubscribeAsync("reader@example.org", ["news"], "immediately");
        // 60 queued bulk messages for one post (subscribers made directly: the sign-up flow is tested elsewhere).
        await _factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 60; i++)
            {
                var subscriber = new Subscriber { Email = $"bulk{i}@example.org", NormalizedEmail = $"bulk{i}@example.org", CreatedAt = DateTime.UtcNow };
                db.Subscribers.Add(subscriber);
                db.Subscriptions.Add(new Subscription
                {
                    SubscriberId = subscriber.Id, Topics = ["news"], Frequency = "immediately", Status = SubscriptionStatus.Confirmed,
                    ConfirmedAt = _factory.Time.GetUtcNow().UtcDateTime.AddMinutes(-1), CreatedAt = DateTime.UtcNow,
                });
            }

            return await db.SaveChangesAsync();
        });
        await _factory.PublishNewsAsync("Bulk");
        await Task.Delay(200);
        await QueueTransactionalAsync("urgent@example.org");
        await _factory.WaitForEmailsAsync(63);

        var order = _factory.Emails.Sent.Select(s => s.To).ToList();
        Assert.True(order.IndexOf("urgent@example.org") < 30, $"transactional mail was sent {order.IndexOf("urgent@example.org")}th");
    }

    [Fact]
    public async Task A_message_claimed_by_a_sender_that_died_is_sent_once_after_its_lease_lapses()
    {
        _ = _factory.Server;
        var now = _factory.Time.GetUtcNow().UtcDateTime;
        await _factory.WithDbAsync(db =>
        {
            db.Deliveries.Add(new EmailDelivery
            {
                Kind = "test", SourceEventId = Guid.CreateVersion7(), Recipient = "orphan@example.org", Address = "orphan@example.org",
                Status = DeliveryStatus.Sending, ClaimedUntil = now.AddMinutes(1), Attempts = 1, CreatedAt = now, NextAttemptAt = now,
                Subject = "Orphan", TextBody = "t", HtmlBody = "<p>h</p>",
            });
            return db.SaveChangesAsync();
        });

        await Task.Delay(500);
        Assert.Empty(_factory.To("orphan@example.org")); // still another sender's
        _factory.Time.Advance(TimeSpan.FromMinutes(2));
        await _factory.WaitForEmailsAsync(1);

        Assert.Single(_factory.To("orphan@example.org"));
        Assert.Equal(DeliveryStatus.Sent, (await _factory.WithDbAsync(db => db.Deliveries.SingleAsync())).Status);
    }

    [Fact]
    public async Task A_message_handed_to_the_mail_server_by_a_sender_that_died_is_counted_sent_and_not_sent_again()
    {
        _ = _factory.Server;
        var now = _factory.Time.GetUtcNow().UtcDateTime;
        EmailDelivery Orphan(string to, DateTime? handedOverAt) => new()
        {
            Kind = "test", SourceEventId = Guid.CreateVersion7(), Recipient = to, Address = to,
            Status = DeliveryStatus.Sending, ClaimedUntil = now.AddMinutes(1), Attempts = 1, CreatedAt = now, NextAttemptAt = now,
            HandedOverAt = handedOverAt, Subject = "Orphan", TextBody = "t", HtmlBody = "<p>h</p>",
        };
        await _factory.WithDbAsync(db =>
        {
            // One died after writing the whole message (the server has it); one died before (the server has nothing).
            db.Deliveries.AddRange(Orphan("handed@example.org", now.AddSeconds(-1)), Orphan("unsent@example.org", null));
            return db.SaveChangesAsync();
        });

        _factory.Time.Advance(TimeSpan.FromMinutes(2));
        await _factory.WaitForEmailsAsync(1);
        await WaitUntilAsync(() => _factory.WithDbAsync(db => db.Deliveries.AllAsync(d => d.Status == DeliveryStatus.Sent)));
        await Task.Delay(300);

        Assert.Empty(_factory.To("handed@example.org"));
        Assert.Single(_factory.To("unsent@example.org"));
        var settled = await _factory.WithDbAsync(db => db.Deliveries.SingleAsync(d => d.Recipient == "handed@example.org"));
        Assert.Equal(now.AddSeconds(-1), settled.SentAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.StartsWith("in doubt", settled.FailureReason);
        Assert.Null(settled.HtmlBody);
    }

    [Fact]
    public async Task A_message_whose_connection_fails_after_the_hand_over_goes_again_with_the_same_message_id()
    {
        // The connection drops after the whole message was written, before the server's answer: the server may not have
        // taken it (it stopped, say). Sending it again is what keeps it from being lost; the copy, if the server had it,
        // carries the same Message-ID for the receiver to drop.
        var drops = 0;
        _factory.Emails.FailureAfterHandOver = to => to == "dropped@example.org" && Interlocked.Increment(ref drops) == 1
            ? new IOException("connection reset before the answer")
            : null;

        await QueueTransactionalAsync("dropped@example.org");
        await _factory.WaitForEmailsAsync(2);
        await WaitUntilAsync(() => _factory.WithDbAsync(db => db.Deliveries.AllAsync(d => d.Status == DeliveryStatus.Sent)));

        var copies = _factory.To("dropped@example.org").ToList();
        Assert.Equal(2, copies.Count);
        Assert.Single(copies.Select(c => c.Headers["Message-ID"]).Distinct());
    }

    [Fact]
    public async Task A_sender_that_overran_its_claim_does_not_send_what_another_sender_has_claimed_since()
    {
        _factory = new NotificationsFactory().With("Notifications:Delivery:Concurrency", "2").With("Notifications:Delivery:BatchSize", "1");
        var firstWaiting = new TaskCompletionSource();
        var secondHandedOver = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        var releaseSecond = new TaskCompletionSource();
        // The first sender stalls before its hand-over until its lease has lapsed; the second claims the message and
        // hands it over, and is waiting for the server's answer when the first goes on.
        _factory.Emails.Pause = (attempt, handedOver) => (attempt, handedOver) switch
        {
            (1, false) => Stall(firstWaiting, releaseFirst),
            (2, true) => Stall(secondHandedOver, releaseSecond),
            _ => Task.CompletedTask,
        };

        await QueueTransactionalAsync("contested@example.org");
        await firstWaiting.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        _factory.Time.Advance(TimeSpan.FromMinutes(6)); // past the five-minute lease
        await secondHandedOver.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        releaseFirst.SetResult();
        await Task.Delay(500, TestContext.Current.CancellationToken);
        releaseSecond.SetResult();
        await WaitUntilAsync(() => _factory.WithDbAsync(db => db.Deliveries.AllAsync(d => d.Status == DeliveryStatus.Sent)));
        await Task.Delay(300, TestContext.Current.CancellationToken);

        Assert.Single(_factory.To("contested@example.org"));

        static async Task Stall(TaskCompletionSource reached, TaskCompletionSource release)
        {
            reached.TrySetResult();
            await release.Task;
        }
    }

    [Fact]
    public async Task One_wake_for_a_fan_out_has_every_sender_working_on_it_without_waiting_for_a_poll()
    {
        // Polls a minute apart: only wakes can bring the other senders in.
        _factory = new NotificationsFactory().With("Notifications:Delivery:Concurrency", "4").With("Notifications:Delivery:BatchSize", "2")
            .With("Notifications:Delivery:PollInterval", "00:01:00");
        var inFlight = 0;
        var most = 0;
        _factory.Emails.Pause = async (_, handedOver) =>
        {
            if (handedOver)
            {
                Interlocked.Decrement(ref inFlight);
                return;
            }
            var now = Interlocked.Increment(ref inFlight);
            lock (_factory) most = Math.Max(most, now);
            await Task.Delay(100, TestContext.Current.CancellationToken);
        };
        _ = _factory.Server;

        // Forty messages committed together, then one wake, as a news fan-out queues its mail.
        var now = _factory.Time.GetUtcNow().UtcDateTime;
        await _factory.WithDbAsync(db =>
        {
            db.Deliveries.AddRange(Enumerable.Range(0, 40).Select(i => new EmailDelivery
            {
                Kind = EventsEmails.ReminderKind, SourceEventId = Guid.CreateVersion7(), Recipient = $"fan-{i}@example.org", Address = $"fan-{i}@example.org",
                Priority = DeliveryPriority.Bulk, CreatedAt = now, NextAttemptAt = now, Status = DeliveryStatus.Queued,
                Subject = "News", TextBody = "text", HtmlBody = "<p>html</p>",
            }));
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
        _factory.Services.GetRequiredService<DeliverySignal>().Wake();

        await _factory.WaitForEmailsAsync(40, settle: TimeSpan.Zero);

        Assert.Equal(40, _factory.Emails.Sent.Count);
        Assert.Equal(4, most);
    }

    [Fact]
    public async Task An_idle_service_looks_for_mail_a_few_times_a_second_not_once_per_sender()
    {
        _factory = new NotificationsFactory().With("Notifications:Delivery:Concurrency", "8").With("Notifications:Delivery:PollInterval", "00:00:00.250");
        _ = _factory.Server;
        await Task.Delay(1000, TestContext.Current.CancellationToken); // past the start's first looks

        var before = await TransactionsAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(4000, TestContext.Current.CancellationToken);
        var perSecond = (await TransactionsAsync() - before) / watch.Elapsed.TotalSeconds;

        // Each look is two statements. Eight senders each looking every 250 ms made 64 a second; one looking, the rest
        // every five seconds, make about 11, and the outbox relay and webhook dispatcher one each.
        Assert.True(perSecond < 25, $"{perSecond} transactions a second while idle");

        // The server's statistics lag a backend's own by up to a second, alike at both readings.
        async Task<long> TransactionsAsync()
        {
            await using var connection = new Npgsql.NpgsqlConnection(_factory.ConnectionString);
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = new Npgsql.NpgsqlCommand("SELECT pg_stat_clear_snapshot(); SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()", connection);
            await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
            await reader.NextResultAsync(TestContext.Current.CancellationToken);
            await reader.ReadAsync(TestContext.Current.CancellationToken);
            return reader.GetInt64(0);
        }
    }

    private async Task<bool> QueueTransactionalAsync(string to)
    {
        _ = _factory.Server;
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OnceOnlyDelivery>().SendAsync(
            EventsEmails.ReminderKind, Guid.CreateVersion7(), to, () => new RenderedEmail("Reminder", "text", "<p>html</p>"), CancellationToken.None);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(50);
        }
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
