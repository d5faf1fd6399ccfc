using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;

namespace Platform.Notifications.Tests.Outgoing;

/// <summary>The senders' per-message records: each hand-over committed under its own claim, a send written with the next one and never lost.</summary>
public sealed class DeliveryLedgerTests : IAsyncDisposable
{
    private readonly NotificationsFactory _factory = new();

    [Fact]
    public async Task A_hand_over_is_committed_only_under_the_senders_own_claim()
    {
        var claimed = await ClaimedAsync(2);
        var ledger = _factory.Services.GetRequiredService<DeliveryLedger>();
        // The second sender's claim lapsed and was taken by another sender since: its hand-over must not be recorded.
        var overran = new EmailDelivery
        {
            Id = claimed[1].Id, Kind = claimed[1].Kind, SourceEventId = claimed[1].SourceEventId, Recipient = claimed[1].Recipient,
            ClaimedUntil = claimed[1].ClaimedUntil!.Value.AddMinutes(-10),
        };

        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        ledger.HandOver(db, claimed[0]);
        Assert.Throws<InvalidOperationException>(() => ledger.HandOver(db, overran));

        var handedOver = await _factory.WithDbAsync(db => db.Deliveries.Where(d => d.HandedOverAt != null).Select(d => d.Id).ToListAsync());
        Assert.Equal([claimed[0].Id], handedOver);
    }

    [Fact]
    public async Task A_send_is_written_with_the_next_hand_over_at_the_time_the_server_took_it()
    {
        var claimed = await ClaimedAsync(2);
        var ledger = _factory.Services.GetRequiredService<DeliveryLedger>();
        var takenAt = _factory.Time.GetUtcNow().UtcDateTime;
        ledger.Sent(claimed[0].Id);
        _factory.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(DeliveryStatus.Sending, await StatusAsync(claimed[0].Id));

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            ledger.HandOver(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>(), claimed[1]);
        }

        var sent = await _factory.WithDbAsync(db => db.Deliveries.SingleAsync(d => d.Id == claimed[0].Id));
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        Assert.Equal(takenAt, sent.SentAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Null(sent.HtmlBody);
        Assert.Null(sent.Address);
        Assert.Null(sent.ClaimedUntil);
        Assert.Equal(DeliveryStatus.Sending, await StatusAsync(claimed[1].Id));
    }

    [Fact]
    public async Task Sends_not_yet_written_when_the_database_fails_are_written_by_a_later_flush()
    {
        var claimed = await ClaimedAsync(1);
        var ledger = _factory.Services.GetRequiredService<DeliveryLedger>();
        ledger.Sent(claimed[0].Id);

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var unreachable = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            unreachable.Database.SetConnectionString("Host=127.0.0.1;Port=1;Username=x;Password=x;Database=x;Timeout=1");
            Assert.ThrowsAny<Exception>(() => ledger.Flush(unreachable));
        }

        Assert.Equal(DeliveryStatus.Sending, await StatusAsync(claimed[0].Id));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            ledger.Flush(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>());
        }

        Assert.Equal(DeliveryStatus.Sent, await StatusAsync(claimed[0].Id));
    }

    [Fact]
    public async Task A_hand_over_goes_to_the_database_without_waiting_for_its_answer_which_is_read_after()
    {
        var claimed = await ClaimedAsync(1);
        var ledger = _factory.Services.GetRequiredService<DeliveryLedger>();
        // Another transaction holds the row, so the hand-over's statement waits inside the database for as long as this
        // test likes: the end of data must not wait for it (a sender killed in that wait lost its message).
        await using var holder = await RowHeldAsync(claimed[0].Id);
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();

        var pending = await Task.Run(() => ledger.BeginHandOver(db, claimed[0])).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.False(pending.Answer.IsCompleted);
        await WaitingBackendAsync(); // written: the database has the statement
        await holder.DisposeAsync();

        var answer = await ledger.ConfirmAsync(pending);
        Assert.Equal(new HandOverAnswer(true, null), answer);
        Assert.NotNull(await _factory.WithDbAsync(db => db.Deliveries.Where(d => d.Id == claimed[0].Id).Select(d => d.HandedOverAt).SingleAsync()));
    }

    [Fact]
    public async Task A_hand_over_whose_answer_never_comes_is_reported_not_thrown_and_the_sends_it_carried_are_written_later()
    {
        var claimed = await ClaimedAsync(2);
        var ledger = _factory.Services.GetRequiredService<DeliveryLedger>();
        ledger.Sent(claimed[1].Id);
        await using var holder = await RowHeldAsync(claimed[0].Id);
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var pending = ledger.BeginHandOver(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>(), claimed[0]);
            // The database ends the session while the statement waits (a restart, say), after the "." went.
            var backend = await WaitingBackendAsync();
            await _factory.WithDbAsync(db => db.Database.SqlQuery<bool>($"SELECT pg_terminate_backend({backend}) AS \"Value\"").SingleAsync());

            var answer = await ledger.ConfirmAsync(pending);
            Assert.False(answer.Recorded);
            Assert.NotNull(answer.Failure);
        }

        await holder.DisposeAsync();
        Assert.Equal(DeliveryStatus.Sending, await StatusAsync(claimed[1].Id));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            ledger.Flush(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>());
        }

        Assert.Equal(DeliveryStatus.Sent, await StatusAsync(claimed[1].Id));
        Assert.Null(await _factory.WithDbAsync(db => db.Deliveries.Where(d => d.Id == claimed[0].Id).Select(d => d.HandedOverAt).SingleAsync()));
    }

    [Fact]
    public async Task A_lapsed_claim_on_a_handed_over_message_is_not_claimed_again_and_the_next_settle_counts_it_sent_in_doubt()
    {
        _ = _factory.Server;
        var serviceNow = _factory.Time.GetUtcNow().UtcDateTime;
        // Claimed for another hour by the service's clock, so its own senders leave it be; this test's queue runs on a
        // clock of its own, standing two hours on, where that claim has lapsed and settles come only when it is moved.
        var clock = new ManualTimeProvider(new DateTimeOffset(serviceNow.AddHours(2)));
        var ledger = new DeliveryLedger(clock);
        var lapsed = new EmailDelivery
        {
            Kind = "test", SourceEventId = Guid.CreateVersion7(), Recipient = "lapsed@example.org", Address = "lapsed@example.org",
            Status = DeliveryStatus.Sending, ClaimedUntil = serviceNow.AddHours(1), HandedOverAt = serviceNow.AddMinutes(30), Attempts = 1,
            CreatedAt = serviceNow, NextAttemptAt = serviceNow, Subject = "Lapsed", TextBody = "t", HtmlBody = "<p>h</p>",
        };
        await _factory.WithDbAsync(db =>
        {
            db.Deliveries.Add(lapsed);
            return db.SaveChangesAsync();
        });
        Assert.True(ledger.SettleDue(clock.GetUtcNow().UtcDateTime)); // the settle this test's next claim would have made

        // Its sender handed it to the server and its claim lapsed: it may have died after the server took the message,
        // so claiming it again would send a second copy. Until the next settle no claim takes it.
        var claimed = await ClaimAsync(ledger, clock);
        Assert.DoesNotContain(claimed, d => d.Id == lapsed.Id);
        var waiting = await _factory.WithDbAsync(db => db.Deliveries.SingleAsync(d => d.Id == lapsed.Id));
        Assert.Equal((DeliveryStatus.Sending, 1, (string?)null), (waiting.Status, waiting.Attempts, waiting.FailureReason));

        clock.Advance(DeliveryLedger.SettleInterval);
        claimed = await ClaimAsync(ledger, clock);

        Assert.DoesNotContain(claimed, d => d.Id == lapsed.Id);
        var settled = await _factory.WithDbAsync(db => db.Deliveries.SingleAsync(d => d.Id == lapsed.Id));
        Assert.Equal((DeliveryStatus.Sent, 1), (settled.Status, settled.Attempts));
        Assert.Equal(lapsed.HandedOverAt!.Value, settled.SentAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.StartsWith("in doubt", settled.FailureReason);
        Assert.Null(settled.HtmlBody);
        Assert.DoesNotContain(_factory.Emails.Sent, e => e.To == lapsed.Recipient);
    }

    private async Task<List<EmailDelivery>> ClaimAsync(DeliveryLedger ledger, TimeProvider clock)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var queue = new DeliveryQueue(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>(), ledger,
            scope.ServiceProvider.GetRequiredService<IOptions<DeliveryOptions>>(), clock);
        return await queue.ClaimAsync(100, TestContext.Current.CancellationToken);
    }

    // Claimed by senders of this test (status Sending, claim in the future), so the service's own senders leave them be.
    private async Task<List<EmailDelivery>> ClaimedAsync(int count)
    {
        _ = _factory.Server;
        var now = _factory.Time.GetUtcNow().UtcDateTime;
        var claim = new DateTime(now.Ticks - now.Ticks % 10, DateTimeKind.Utc).AddMinutes(5); // to PostgreSQL's microseconds, as a claim reads back
        var deliveries = Enumerable.Range(0, count).Select(i => new EmailDelivery
        {
            Kind = "test", SourceEventId = Guid.CreateVersion7(), Recipient = $"ledger-{i}@example.org", Address = $"ledger-{i}@example.org",
            Status = DeliveryStatus.Sending, ClaimedUntil = claim, Attempts = 1, CreatedAt = now, NextAttemptAt = now,
            Subject = "Ledger", TextBody = "t", HtmlBody = "<p>h</p>",
        }).ToList();
        await _factory.WithDbAsync(db =>
        {
            db.Deliveries.AddRange(deliveries);
            return db.SaveChangesAsync();
        });
        return deliveries;
    }

    /// <summary>A transaction of its own holding the delivery's row until disposed.</summary>
    private async Task<IAsyncDisposable> RowHeldAsync(Guid id)
    {
        var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT 1 FROM delivery WHERE id = {id} FOR UPDATE", TestContext.Current.CancellationToken);
        return new Held(scope, transaction);
    }

    private sealed class Held(AsyncServiceScope scope, IAsyncDisposable transaction) : IAsyncDisposable
    {
        private int _disposed;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
            await transaction.DisposeAsync(); // rolled back
            await scope.DisposeAsync();
        }
    }

    /// <summary>The process id of the session whose hand-over waits for the held row, once it waits.</summary>
    private async Task<int> WaitingBackendAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var waiting = await _factory.WithDbAsync(db => db.Database.SqlQuery<int>($"""
                SELECT pid AS "Value" FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE delivery SET handed_over_at%'
                """).ToListAsync());
            if (waiting.Count == 1) return waiting[0];
            Assert.True(DateTime.UtcNow < deadline, "The hand-over's statement never reached the database.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private Task<DeliveryStatus> StatusAsync(Guid id) => _factory.WithDbAsync(db => db.Deliveries.Where(d => d.Id == id).Select(d => d.Status).SingleAsync());

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
