using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Platform.Messaging.Tests;

public sealed class OutboxRelayTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task Publishes_in_sequence_order_with_the_event_id_and_marks_rows_sent()
    {
        await using var services = _database.BuildServices(s => s.AddMassTransitTestHarness(), backgroundRelay: false);
        var harness = services.GetRequiredService<ITestHarness>();
        await harness.Start();

        var events = new[] { new WidgetCreated("a"), new WidgetCreated("b"), new WidgetCreated("c") };
        await AddEventsAsync(services, events);

        var result = await services.GetRequiredService<OutboxRelayBatch<TestDbContext>>().RunAsync(TestContext.Current.CancellationToken);

        Assert.Null(result.Failure);
        Assert.Equal((3, 3), (result.Locked, result.Published));
        Assert.True(await harness.Published.Any<WidgetCreated>(TestContext.Current.CancellationToken));
        var published = harness.Published.Select<WidgetCreated>(TestContext.Current.CancellationToken).Take(3).ToList();
        Assert.Equal(events.Select(e => e.EventId), published.Select(p => p.Context.MessageId!.Value));
        Assert.Equal(["a", "b", "c"], published.Select(p => p.Context.Message.Name));

        var rows = await _database.QueryAsync(services, db => db.Set<OutboxMessage>().ToListAsync());
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
        Assert.All(rows, r => Assert.Equal(1, r.AttemptCount));
    }

    [Fact]
    public async Task A_failed_publish_keeps_the_row_and_everything_after_it_unsent_until_a_later_pass()
    {
        var publisher = new FlakyPublisher(failures: 1);
        await using var services = _database.BuildServices(s => s.AddSingleton<IOutboxMessagePublisher>(publisher));
        var events = new[] { new WidgetCreated("first"), new WidgetCreated("second") };
        await AddEventsAsync(services, events);
        var relay = services.GetRequiredService<OutboxRelayBatch<TestDbContext>>();

        var failed = await relay.RunAsync(TestContext.Current.CancellationToken);

        Assert.NotNull(failed.Failure);
        Assert.Equal(0, failed.Published);
        var rows = await _database.QueryAsync(services, db => db.Set<OutboxMessage>().OrderBy(m => m.SequenceNumber).ToListAsync());
        Assert.All(rows, r => Assert.Null(r.SentAt));
        Assert.Equal(1, rows[0].AttemptCount);
        Assert.Contains("broker unreachable", rows[0].LastError);
        Assert.Equal(0, rows[1].AttemptCount);

        var retried = await relay.RunAsync(TestContext.Current.CancellationToken);

        Assert.Null(retried.Failure);
        Assert.Equal(events.Select(e => e.EventId), publisher.Published);
        rows = await _database.QueryAsync(services, db => db.Set<OutboxMessage>().OrderBy(m => m.SequenceNumber).ToListAsync());
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
        Assert.Equal(2, rows[0].AttemptCount);
        Assert.Null(rows[0].LastError);
    }

    [Fact]
    public async Task The_background_relay_delivers_what_accumulated_during_an_outage()
    {
        var publisher = new FlakyPublisher(failures: 3);
        await using var services = _database.BuildServices(
            s => s.AddSingleton<IOutboxMessagePublisher>(publisher),
            new() { ["Messaging:Outbox:InitialBackoff"] = "00:00:00.010", ["Messaging:Outbox:PollInterval"] = "00:00:00.050" });
        var events = Enumerable.Range(0, 5).Select(i => new WidgetCreated($"w{i}")).ToArray();
        await AddEventsAsync(services, events);

        var relay = services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<OutboxRelay<TestDbContext>>().Single();
        await relay.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (publisher.Published.Count < events.Length && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }
        finally
        {
            await relay.StopAsync(CancellationToken.None);
        }

        Assert.Equal(events.Select(e => e.EventId), publisher.Published);
        Assert.Equal(0, await _database.QueryAsync(services, db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null)));
    }

    [Fact]
    public async Task Sent_rows_are_deleted_after_the_retention_period()
    {
        await using var services = _database.BuildServices(
            s => s.AddSingleton<IOutboxMessagePublisher>(new FlakyPublisher(failures: 0)),
            new() { ["Messaging:Outbox:SentRetention"] = "00:00:00" });
        await AddEventsAsync(services, [new WidgetCreated("old")]);
        var relay = services.GetRequiredService<OutboxRelayBatch<TestDbContext>>();
        await relay.RunAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, await relay.DeleteSentAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await _database.QueryAsync(services, db => db.Set<OutboxMessage>().CountAsync()));
    }

    [Theory]
    [InlineData(1, 500)]
    [InlineData(2, 1000)]
    [InlineData(4, 4000)]
    [InlineData(7, 30000)]
    [InlineData(1000, 30000)]
    public void Back_off_doubles_and_is_capped(int failures, int expectedMilliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), OutboxBackoff.After(failures, new OutboxOptions()));
    }

    [Fact]
    public void Invalid_outbox_options_are_rejected_at_start()
    {
        var result = new OutboxOptionsValidator().Validate(null, new OutboxOptions { BatchSize = 0, MaxBackoff = TimeSpan.Zero });
        Assert.True(result.Failed);
        Assert.Contains("BatchSize", result.FailureMessage);
        Assert.Contains("MaxBackoff", result.FailureMessage);
    }

    private static async Task AddEventsAsync(IServiceProvider services, IEnumerable<WidgetCreated> events)
    {
        await using var scope = services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>();
        foreach (var e in events)
        {
            outbox.Add(e);
        }

        await scope.ServiceProvider.GetRequiredService<TestDbContext>().SaveChangesAsync();
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private sealed class FlakyPublisher(int failures) : IOutboxMessagePublisher
    {
        private int _remainingFailures = failures;
        private readonly List<Guid> _published = [];

        public IReadOnlyList<Guid> Published
        {
            get { lock (_published) return _published.ToList(); }
        }

        public Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref _remainingFailures) >= 0)
            {
                throw new InvalidOperationException("broker unreachable");
            }

            lock (_published) _published.Add(message.MessageId);
            return Task.CompletedTask;
        }
    }
}
