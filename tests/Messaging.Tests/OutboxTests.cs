using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Messaging.Tests;

public sealed class OutboxTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task Add_then_save_commits_the_business_change_and_the_event_together()
    {
        await using var services = _database.BuildServices();
        var @event = new WidgetCreated("first");

        using (var activity = new Activity("request").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            db.Widgets.Add(new Widget { Name = "first" });
            scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>().Add(@event);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var rows = await _database.QueryAsync(services, db => db.Set<OutboxMessage>().ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(@event.EventId, row.MessageId);
        Assert.Null(row.SentAt);
        Assert.Contains("Platform.Messaging.Tests.WidgetCreated", row.MessageType);
        Assert.Equal("first", JsonSerializer.Deserialize<WidgetCreated>(row.Body, JsonSerializerOptions.Web)!.Name);
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Headers)!;
        Assert.StartsWith("00-", headers["traceparent"]);
        Assert.Equal(1, await _database.QueryAsync(services, db => db.Widgets.CountAsync()));
    }

    [Fact]
    public async Task A_failed_save_writes_neither_the_change_nor_the_event()
    {
        await using var services = _database.BuildServices();
        await _database.QueryAsync(services, async db =>
        {
            db.Widgets.Add(new Widget { Name = "taken" });
            return await db.SaveChangesAsync();
        });

        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            db.Widgets.Add(new Widget { Name = "taken" });
            scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>().Add(new WidgetCreated("taken"));
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(0, await _database.QueryAsync(services, db => db.Set<OutboxMessage>().CountAsync()));
        Assert.Equal(1, await _database.QueryAsync(services, db => db.Widgets.CountAsync()));
    }

    [Fact]
    public async Task Saving_an_event_nudges_the_relay()
    {
        await using var services = _database.BuildServices();
        var signal = services.GetRequiredService<OutboxSignal>();

        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>().Add(new WidgetCreated("nudge"));
            await scope.ServiceProvider.GetRequiredService<TestDbContext>().SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var started = Stopwatch.StartNew();
        await signal.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), "The relay should be woken at once, not at the poll interval.");
    }

    [Fact]
    public async Task An_event_saved_in_an_explicit_transaction_nudges_the_relay_when_it_commits_not_before()
    {
        await using var services = _database.BuildServices();
        var signal = services.GetRequiredService<OutboxSignal>();

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        scope.ServiceProvider.GetRequiredService<IIntegrationEventOutbox>().Add(new WidgetCreated("in a transaction"));
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        // Not yet: the relay would find nothing it can see. A wait that is not nudged lasts its whole timeout.
        var beforeCommit = Stopwatch.StartNew();
        await signal.WaitAsync(TimeSpan.FromMilliseconds(300), TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.True(beforeCommit.Elapsed >= TimeSpan.FromMilliseconds(290), $"nudged {beforeCommit.Elapsed} into the wait, before the commit");

        await transaction.CommitAsync(TestContext.Current.CancellationToken);

        var afterCommit = Stopwatch.StartNew();
        await signal.WaitAsync(TimeSpan.FromSeconds(10), TimeProvider.System, TestContext.Current.CancellationToken);
        Assert.True(afterCommit.Elapsed < TimeSpan.FromSeconds(5), "The relay should be woken by the commit, not at the poll interval.");
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
