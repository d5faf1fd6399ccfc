using System.Net.Http.Headers;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.Events.Infrastructure;
using Platform.Events.Reminders;
using Platform.Events.Waitlists;
using Platform.ServiceDefaults.Identity;
using Platform.TestSupport;

namespace Platform.Events.Tests;

/// <summary>
/// The real Events service on a real PostgreSQL database of its own, with MassTransit's in-memory harness for
/// RabbitMQ, a hand-moved clock, and no background promoter (tests run promotion rounds themselves, so they
/// decide when waitlists move).
/// </summary>
public sealed class EventsFactory(string connectionString, bool runBackgroundServices = false) : WebApplicationFactory<Program>
{
    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero));

    /// <summary>The test acting as the gateway: its own key pair, tokens for this service only.</summary>
    public TestGateway Gateway => _gateway ??= new TestGateway("events", Time);

    private TestGateway? _gateway;

    public static async Task<EventsFactory> StartAsync(PostgresServer postgres, bool runBackgroundServices = false)
    {
        var factory = new EventsFactory(await postgres.CreateDatabaseAsync(), runBackgroundServices);
        _ = factory.Server; // start now: migrations run before the first request
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:eventsdb", connectionString);
        // Never dialled: the test harness below replaces the RabbitMQ transport.
        builder.UseSetting("ConnectionStrings:messaging", "amqp://guest:guest@127.0.0.1:1");
        Gateway.ConfigureService(builder);
        TestLinkSecrets.ConfigurePublisher(builder, "events");

        builder.ConfigureTestServices(services =>
        {
            services.AddMassTransitTestHarness();
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            if (!runBackgroundServices)
            {
                foreach (var type in new[] { typeof(WaitlistPromoter), typeof(ReminderScheduler) })
                    services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == type));
            }
        });
    }

    /// <summary>A client acting as the gateway does for a member of the Commissioner's staff.</summary>
    public HttpClient CreateStaffClient() => CreateClientAs(PlatformClaims.Roles.Staff);

    public HttpClient CreateClientAs(string role)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Gateway.TokenFor(new InternalIdentity($"{role}-1", role, role == PlatformClaims.Roles.Organisation ? Guid.CreateVersion7() : null, [])));
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<EventsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<EventsDbContext>());
    }

    public async Task<(int Expired, int Offered)> RunPromotionAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WaitlistPromotion>().RunOnceAsync(CancellationToken.None);
    }

    public async Task<int> RunHoldSweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Platform.Events.Registrations.UnconfirmedHolds>().ReleaseLapsedAsync(CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Each factory has its own database, so its pooled connections would only sit idle against the server's limit.
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    /// <summary>Waits for the outbox relay to publish a matching event (it polls every second).</summary>
    public async Task<T> PublishedAsync<T>(Func<T, bool> match) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = Harness.Published.Select<T>().Select(m => Opened(m.Context.Message)).FirstOrDefault(match);
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {typeof(T).Name} matching the test was published.");
            await Task.Delay(100);
        }
    }

    public async Task<int> RunRemindersAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EventReminders>().RunOnceAsync(CancellationToken.None);
    }

    /// <summary>A published event as Notifications reads it: its link secrets opened (the service holds its own key).</summary>
    private T Opened<T>(T message) where T : class =>
        message is Platform.Contracts.IntegrationEvent e ? (T)(object)Services.GetRequiredService<Platform.Messaging.LinkSecrets>().Open(e) : message;

    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();
}
