using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Messaging.Tests;

public sealed class InboxTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task The_same_message_delivered_twice_is_consumed_once()
    {
        await using var services = BuildServices();
        var harness = services.GetRequiredService<ITestHarness>();
        await harness.Start();
        var message = new WidgetRequested("once");

        await harness.Bus.Publish(message, c => c.MessageId = message.EventId, TestContext.Current.CancellationToken);
        Assert.True(await harness.Consumed.Any<WidgetRequested>(TestContext.Current.CancellationToken));
        await harness.Bus.Publish(message, c => c.MessageId = message.EventId, TestContext.Current.CancellationToken);
        await harness.InactivityTask;

        Assert.Equal(1, services.GetRequiredService<ConsumerProbe>().Calls);
        Assert.Equal(1, await _database.QueryAsync(services, db => db.Widgets.CountAsync()));
        var inbox = Assert.Single(await _database.QueryAsync(services, db => db.Set<InboxState>().ToListAsync()));
        Assert.Equal(message.EventId, inbox.MessageId);
        Assert.Equal("CreateWidget", inbox.ConsumerId); // the receive endpoint (queue) name
        Assert.False(await harness.Published.Any<Fault<WidgetRequested>>(TestContext.Current.CancellationToken));
        // The consumer's own event went through the same transaction into the outbox.
        Assert.Equal(1, await _database.QueryAsync(services, db => db.Set<OutboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task A_consumer_exception_rolls_back_its_changes_and_the_inbox_row_and_is_retried()
    {
        await using var services = BuildServices();
        var harness = services.GetRequiredService<ITestHarness>();
        await harness.Start();
        var message = new WidgetRequested("doomed", Fail: true);

        await harness.Bus.Publish(message, c => c.MessageId = message.EventId, TestContext.Current.CancellationToken);

        Assert.True(await harness.Published.Any<Fault<WidgetRequested>>(TestContext.Current.CancellationToken));
        Assert.Equal(3, services.GetRequiredService<ConsumerProbe>().Calls); // first try + RetryLimit 2
        Assert.Equal(0, await _database.QueryAsync(services, db => db.Widgets.CountAsync()));
        Assert.Equal(0, await _database.QueryAsync(services, db => db.Set<InboxState>().CountAsync()));
        Assert.Equal(0, await _database.QueryAsync(services, db => db.Set<OutboxMessage>().CountAsync()));
    }

    private ServiceProvider BuildServices() => _database.BuildServices(
        s => s.AddMassTransitTestHarness(x =>
        {
            x.SetTestTimeouts(testInactivityTimeout: TestDatabase.HarnessInactivityTimeout);
            x.AddConsumer<CreateWidget>();
            x.RecordReceiveEndpoints();
            x.UsingInMemory((context, cfg) =>
            {
                cfg.UseInboxWithRetry(context);
                cfg.ConfigureEndpoints(context);
            });
        }),
        new()
        {
            ["Messaging:RetryLimit"] = "2",
            ["Messaging:RetryInitialInterval"] = "00:00:00.010",
            ["Messaging:RetryIntervalIncrement"] = "00:00:00.010",
        });

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
