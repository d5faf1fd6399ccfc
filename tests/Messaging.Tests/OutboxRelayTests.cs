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
    public async Task Publishes_with_the_event_id_and_marks_rows_sent()
    {
        await using var services = _database.BuildServices(s => s.AddMassTransitTestHarness(x => x.SetTestTimeouts(testInactivityTimeout: TestDatabase.HarnessInactivityTimeout)), backgroundRelay: false);
        var harness = services.GetRequiredService<ITestHarness>();
        await harness.Start();

        var events = new[] { new WidgetCreated("a"), new WidgetCreated("b"), new WidgetCreated("c") };
        await AddEventsAsync(services, events);

        var result = await services.GetRequiredService<OutboxRelayBatch<TestDbContext>>().RunAsync(TestContext.Current.CancellationToken);

        Assert.Null(result.Failure);
        Assert.Equal((3, 3), (result.Locked, result.Published));
        Assert.True(await harness.Published.Any<WidgetCreated>(TestContext.Current.CancellationToken));
        // Published together (one window), so the harness may record them in any order.
        var published = harness.Published.Select<WidgetCreated>(TestContext.Current.CancellationToken).Take(3).ToList();
        Assert.Equal(events.Select(e => (e.EventId, e.Name)).Order(), published.Select(p => (p.Context.MessageId!.Value, p.Context.Message.Name)).Order());

        var rows = await _database.QueryAsync(services, db => db.Set<OutboxMessage>().ToListAsync());
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
        Assert.All(rows, r => Assert.Equal(1, r.AttemptCount));
    }

    [Fact]
    public async Task A_window_of_rows_is_published_at_once_started_in_sequence_order()
    {
        var publisher = new GatePublisher(opensAt: 3);
        await using var services = _database.BuildServices(
            s => s.AddSingleton<IOutboxMessagePublisher>(publisher), new() { ["Messaging:Outbox:PublishWindow"] = "3" }, backgroundRelay: false);
        var events = Enumerable.Range(0, 5).Select(i => new WidgetCreated($"w{i}")).ToArray();
        await AddEventsAsync(services, events);

        // Each publish waits until three have started: one at a time, the first would wait for ever (and fail at 5 s).
        var result = await services.GetRequiredService<OutboxRelayBatch<TestDbContext>>().RunAsync(TestContext.Current.CancellationToken);

        Assert.Null(result.Failure);
        Assert.Equal((5, 5), (result.Locked, result.Published));
        Assert.Equal(events.Select(e => e.EventId), publisher.Started);
        Assert.Equal(3, publisher.MostAtOnce);
    }

    [Fact]
    public async Task A_failed_publish_keeps_its_row_unsent_and_ends_the_pass_after_its_window()
    {
        var publisher = new FlakyPublisher(failures: 1);
        await using var services = _database.BuildServices(
            s => s.AddSingleton<IOutboxMessagePublisher>(publisher), new() { ["Messaging:Outbox:PublishWindow"] = "2" }, backgroundRelay: false);
        var events = Enumerable.Range(0, 4).Select(i => new WidgetCreated($"w{i}")).ToArray();
        await AddEventsAsync(services, events);
        var relay = services.GetRequiredService<OutboxRelayBatch<TestDbContext>>();

        var failed = await relay.RunAsync(TestContext.Current.CancellationToken);

        // The first row failed; the second, in flight beside it, went; the next window was not started.
        Assert.NotNull(failed.Failure);
        Assert.Equal(1, failed.Published);
        var rows = await _database.QueryAsync(services, db => db.Set<OutboxMessage>().OrderBy(m => m.SequenceNumber).ToListAsync());
        Assert.Equal([false, true, false, false], rows.Select(r => r.SentAt is not null));
        Assert.Equal([1, 1, 0, 0], rows.Select(r => r.AttemptCount));
        Assert.Contains("broker unreachable", rows[0].LastError);

        var retried = await relay.RunAsync(TestContext.Current.CancellationToken);

        Assert.Null(retried.Failure);
        Assert.Equal([events[1].EventId, events[0].EventId, events[2].EventId, events[3].EventId], publisher.Published);
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

        // The three that failed first went on a later pass, after the two beside them.
        Assert.Equal(events.Select(e => e.EventId).Order(), publisher.Published.Order());
        Assert.Equal(0, await _database.QueryAsync(services, db => db.Set<OutboxMessage>().CountAsync(m => m.SentAt == null)));
    }

    [Fact]
    public async Task A_row_that_keeps_failing_is_parked_as_a_dead_letter_and_later_events_carry_on_and_replay_sends_it()
    {
        var events = new[] { new WidgetCreated("before"), new WidgetCreated("poison"), new WidgetCreated("after") };
        var publisher = new PoisonPublisher(events[1].EventId);
        await using var services = _database.BuildServices(
            s => s.AddSingleton<IOutboxMessagePublisher>(publisher), new() { ["Messaging:Outbox:MaxAttempts"] = "3" }, backgroundRelay: false);
        await AddEventsAsync(services, events);
        var relay = services.GetRequiredService<OutboxRelayBatch<TestDbContext>>();
        var ct = TestContext.Current.CancellationToken;

        // Below the limit the poison row fails each pass and is tried again; the rows in flight beside it go.
        Assert.NotNull((await relay.RunAsync(ct)).Failure);
        Assert.NotNull((await relay.RunAsync(ct)).Failure);
        Assert.Equal([events[0].EventId, events[2].EventId], publisher.Published);

        var third = await relay.RunAsync(ct);

        Assert.Null(third.Failure);
        Assert.Equal(1, third.Parked);
        Assert.Equal([events[0].EventId, events[2].EventId], publisher.Published);
        var poison = await _database.QueryAsync(services, db => db.Set<OutboxMessage>().SingleAsync(m => m.MessageId == events[1].EventId));
        Assert.NotNull(poison.ParkedAt);
        Assert.Null(poison.SentAt);
        Assert.Contains("cannot be routed", poison.LastError);

        // Parked rows are not retried by later passes, and are listed as dead letters with their error.
        Assert.Equal(0, (await relay.RunAsync(ct)).Locked);
        var deadLetters = services.GetRequiredService<IOutboxDeadLetters>();
        var listed = await deadLetters.ListAsync(ct);
        Assert.Equal((IOutboxDeadLetters.QueueName, 1u), (listed.Queue, listed.MessageCount));
        var message = Assert.Single(listed.Messages);
        Assert.Equal(events[1].EventId.ToString(), message.MessageId);
        Assert.Equal(nameof(InvalidOperationException), message.FaultExceptionType);
        Assert.Contains("cannot be routed", message.FaultMessage);

        publisher.Heal();
        var replay = await deadLetters.ReplayAsync(messageId: null, ct);
        Assert.Equal((1, 0), (replay.Replayed, replay.Remaining));
        Assert.Null((await relay.RunAsync(ct)).Failure);
        Assert.Equal([events[0].EventId, events[2].EventId, events[1].EventId], publisher.Published);
        Assert.Equal(0u, (await deadLetters.ListAsync(ct)).MessageCount);
    }

    [Fact]
    public async Task A_broker_outage_never_parks_a_row_however_long_it_lasts()
    {
        var publisher = new UnreachablePublisher();
        await using var services = _database.BuildServices(
            s => s.AddSingleton<IOutboxMessagePublisher>(publisher), new() { ["Messaging:Outbox:MaxAttempts"] = "2" }, backgroundRelay: false);
        await AddEventsAsync(services, [new WidgetCreated("a"), new WidgetCreated("b")]);
        var relay = services.GetRequiredService<OutboxRelayBatch<TestDbContext>>();

        for (var i = 0; i < 5; i++)
        {
            var result = await relay.RunAsync(TestContext.Current.CancellationToken);
            Assert.NotNull(result.Failure);
            Assert.Equal(0, result.Parked);
        }

        var rows = await _database.QueryAsync(services, db => db.Set<OutboxMessage>().OrderBy(m => m.SequenceNumber).ToListAsync());
        Assert.All(rows, r => Assert.Null(r.ParkedAt));
        Assert.Equal([5, 5], rows.Select(r => r.AttemptCount));
    }

    [Fact]
    public async Task A_link_token_is_published_in_the_message_and_gone_from_the_row_once_sent()
    {
        var publisher = new BodyRecordingPublisher();
        await using var services = _database.BuildServices(s => s.AddSingleton<IOutboxMessagePublisher>(publisher), backgroundRelay: false);
        // URL-safe, as link tokens are: a '+' would be escaped in the JSON body and the substring checks below would miss it.
        var token = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>().Add(new WidgetLinked("linked", token));
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        Assert.Null((await services.GetRequiredService<OutboxRelayBatch<TestDbContext>>().RunAsync(TestContext.Current.CancellationToken)).Failure);

        Assert.Contains(token, Assert.Single(publisher.Bodies));
        var row = await _database.QueryAsync(services, db => db.Set<OutboxMessage>().SingleAsync());
        Assert.NotNull(row.SentAt);
        Assert.DoesNotContain(token, row.Body);
        Assert.Contains("\"manageToken\":\"[redacted]\"", row.Body);
        Assert.Contains("\"name\":\"linked\"", row.Body);
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
        var result = new OutboxOptionsValidator().Validate(null, new OutboxOptions { BatchSize = 0, PublishWindow = 0, MaxBackoff = TimeSpan.Zero });
        Assert.True(result.Failed);
        Assert.Contains("BatchSize", result.FailureMessage);
        Assert.Contains("PublishWindow", result.FailureMessage);
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

    /// <summary>Refuses one message every time, as the broker would a message it can never route, until healed.</summary>
    private sealed class PoisonPublisher(Guid poison) : IOutboxMessagePublisher
    {
        private readonly List<Guid> _published = [];
        private volatile bool _healed;

        public IReadOnlyList<Guid> Published
        {
            get { lock (_published) return _published.ToList(); }
        }

        public void Heal() => _healed = true;

        public Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            if (message.MessageId == poison && !_healed)
            {
                throw new InvalidOperationException("message cannot be routed");
            }

            lock (_published) _published.Add(message.MessageId);
            return Task.CompletedTask;
        }
    }

    /// <summary>Holds every publish until <paramref name="opensAt"/> have started; records the order they started in.</summary>
    private sealed class GatePublisher(int opensAt) : IOutboxMessagePublisher
    {
        private readonly List<Guid> _started = [];
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _inFlight;

        public IReadOnlyList<Guid> Started
        {
            get { lock (_started) return _started.ToList(); }
        }

        public int MostAtOnce { get; private set; }

        public async Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            lock (_started)
            {
                _started.Add(message.MessageId);
                MostAtOnce = Math.Max(MostAtOnce, ++_inFlight);
                if (_started.Count >= opensAt) _open.TrySetResult();
            }

            try
            {
                await _open.Task.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            }
            finally
            {
                lock (_started) _inFlight--;
            }
        }
    }

    private sealed class BodyRecordingPublisher : IOutboxMessagePublisher
    {
        public List<string> Bodies { get; } = [];

        public Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Bodies.Add(message.Body);
            return Task.CompletedTask;
        }
    }

    private sealed class UnreachablePublisher : IOutboxMessagePublisher
    {
        public Task PublishAsync(OutboxMessage message, CancellationToken cancellationToken) =>
            throw new RabbitMQ.Client.Exceptions.BrokerUnreachableException(new IOException("connection refused"));
    }

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
