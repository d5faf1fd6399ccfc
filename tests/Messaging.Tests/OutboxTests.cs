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

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
