using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Contracts;

namespace Platform.Messaging.Tests;

public sealed record WidgetRequested(string Name, bool Fail = false) : IntegrationEvent;

public sealed record WidgetCreated(string Name) : IntegrationEvent;

public sealed record WidgetLinked(string Name, string ManageToken) : IntegrationEvent;

public sealed class Widget
{
    public int Id { get; set; }
    public required string Name { get; set; }
}

public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options)
{
    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Widget>().HasIndex(w => w.Name).IsUnique();
        modelBuilder.AddOutboxMessageEntity();
        modelBuilder.AddInboxStateEntity();
    }
}

/// <summary>Counts consumer invocations across the scopes MassTransit creates.</summary>
public sealed class ConsumerProbe
{
    private int _calls;
    public int Calls => Volatile.Read(ref _calls);
    public void Called() => Interlocked.Increment(ref _calls);
}

/// <summary>Creates a widget and announces it; throws after writing when asked, to prove the rollback.</summary>
public sealed class CreateWidget(TestDbContext db, IIntegrationEventOutbox outbox, ConsumerProbe probe) : IConsumer<WidgetRequested>
{
    public async Task Consume(ConsumeContext<WidgetRequested> context)
    {
        probe.Called();
        db.Widgets.Add(new Widget { Name = context.Message.Name });
        outbox.Add(new WidgetCreated(context.Message.Name));
        await db.SaveChangesAsync(context.CancellationToken);
        if (context.Message.Fail)
        {
            throw new InvalidOperationException("Consumer failed after saving.");
        }
    }
}

/// <summary>
/// A file-backed SQLite database per test: unlike a shared in-memory connection it is safe for the concurrent
/// DbContexts that MassTransit's consumers and the relay use.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>
    /// How long MassTransit's test harness waits with no bus activity before <c>Any</c> answers false. Its 1.2 s default
    /// failed a test whose message was consumed late: ./platform test runs these tests at the idle CPU priority beside
    /// the end-to-end suite, which can leave them no CPU for longer than that.
    /// </summary>
    public static readonly TimeSpan HarnessInactivityTimeout = TimeSpan.FromSeconds(5);

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"messaging-tests-{Guid.CreateVersion7():N}.db");

    public string ConnectionString => $"Data Source={_path};Pooling=False";

    /// <param name="backgroundRelay">
    /// False removes the hosted relay. MassTransit's test harness starts hosted services, and a test driving
    /// <see cref="OutboxRelayBatch{TDbContext}"/> itself must not race it.
    /// </param>
    public ServiceProvider BuildServices(
        Action<IServiceCollection>? configure = null,
        Dictionary<string, string?>? settings = null,
        bool backgroundRelay = true)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build());
        services.AddDbContext<TestDbContext>(o => o.UseSqlite(ConnectionString));
        services.AddSingleton<ConsumerProbe>();
        configure?.Invoke(services);
        services.AddMessagingPersistence<TestDbContext>();
        if (!backgroundRelay)
        {
            services.RemoveAll<Microsoft.Extensions.Hosting.IHostedService>();
        }

        var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<TestDbContext>().Database.EnsureCreated();
        return provider;
    }

    public async Task<T> QueryAsync<T>(IServiceProvider services, Func<TestDbContext, Task<T>> query)
    {
        await using var scope = services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TestDbContext>());
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_path);
        return ValueTask.CompletedTask;
    }
}
