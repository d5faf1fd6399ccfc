using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;

namespace Platform.Notifications.Tests.Outgoing;

/// <summary>The senders' per-message records written in groups: each hand-over committed under its own claim, sends not lost.</summary>
public sealed class DeliveryLedgerTests : IAsyncDisposable
{
    private readonly NotificationsFactory _factory = new();

    [Fact]
    public async Task Hand_overs_that_arrive_while_a_group_is_written_commit_together_each_under_its_own_claim()
    {
        var claimed = await ClaimedAsync(8);
        var ledger = _factory.Services.GetRequiredService<DeliveryLedger>();
        var groupsBefore = ledger.GroupsWritten;
        // The seventh sender's claim lapsed and was taken by another sender since: its hand-over must not be recorded.
        var overran = claimed[6];
        var stale = new EmailDelivery
        {
            Id = overran.Id, Kind = overran.Kind, SourceEventId = overran.SourceEventId, Recipient = overran.Recipient,
            ClaimedUntil = overran.ClaimedUntil!.Value.AddMinutes(-10),
        };
        var requests = claimed.Select(d => d.Id == overran.Id ? stale : d).ToList();

        // Hold the first row, so the first sender's group waits in PostgreSQL while the others arrive behind it.
        await using var holdScope = _factory.Services.CreateAsyncScope();
        var holder = holdScope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        await using var hold = await holder.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await holder.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM delivery WHERE id = {requests[0].Id} FOR UPDATE", TestContext.Current.CancellationToken);

        var outcomes = new Exception?[requests.Count];
        var first = StartSender(ledger, requests[0], outcomes, 0);
        await Task.Delay(300, TestContext.Current.CancellationToken);
        var others = Enumerable.Range(1, requests.Count - 1).Select(i => StartSender(ledger, requests[i], outcomes, i)).ToList();
        await Task.Delay(700, TestContext.Current.CancellationToken);
        await hold.CommitAsync(TestContext.Current.CancellationToken);
        foreach (var sender in others.Prepend(first)) Assert.True(sender.Join(TimeSpan.FromSeconds(20)), "a sender never returned");

        Assert.Equal(2, ledger.GroupsWritten - groupsBefore);
        Assert.IsType<InvalidOperationException>(outcomes[6]);
        Assert.All(outcomes.Where((_, i) => i != 6), Assert.Null);
        var handedOver = await _factory.WithDbAsync(db => db.Deliveries.Where(d => d.HandedOverAt != null).Select(d => d.Id).ToListAsync());
        Assert.Equal(claimed.Select(d => d.Id).Where(id => id != overran.Id).Order(), handedOver.Order());
    }

    [Fact]
    public async Task A_send_is_recorded_with_the_next_group_at_the_time_the_server_took_it()
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
            Assert.Throws<InvalidOperationException>(() => ledger.Flush(unreachable));
        }

        Assert.Equal(DeliveryStatus.Sending, await StatusAsync(claimed[0].Id));
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            ledger.Flush(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>());
        }

        Assert.Equal(DeliveryStatus.Sent, await StatusAsync(claimed[0].Id));
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

    private Task<DeliveryStatus> StatusAsync(Guid id) => _factory.WithDbAsync(db => db.Deliveries.Where(d => d.Id == id).Select(d => d.Status).SingleAsync());

    // A sender's thread at its end of data, as MailKit's progress report calls the hand-over: synchronously, on a thread of its own.
    private Thread StartSender(DeliveryLedger ledger, EmailDelivery delivery, Exception?[] outcomes, int index)
    {
        var thread = new Thread(() =>
        {
            using var scope = _factory.Services.CreateScope();
            try
            {
                ledger.HandOver(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>(), delivery);
            }
            catch (Exception e)
            {
                outcomes[index] = e;
            }
        });
        thread.Start();
        return thread;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
