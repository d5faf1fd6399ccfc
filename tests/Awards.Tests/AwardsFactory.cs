using System.Net.Http.Headers;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.Awards.Infrastructure;
using Platform.Awards.Results;
using Platform.ServiceDefaults.Identity;
using Platform.TestSupport;

namespace Platform.Awards.Tests;

/// <summary>
/// The real Awards service on a real PostgreSQL database, with MassTransit's in-memory harness for RabbitMQ, a
/// hand-moved clock, and (unless asked for) no embargo sweeper: tests sweep themselves, so they decide when.
/// Two factories on one connection string are two replicas of the service sharing a database.
/// </summary>
public sealed class AwardsFactory(string connectionString, bool runBackgroundServices = false) : WebApplicationFactory<Program>
{
    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero));

    /// <summary>The test acting as the gateway: its own key pair, tokens for this service only.</summary>
    public TestGateway Gateway => _gateway ??= new TestGateway("awards", Time);

    private TestGateway? _gateway;

    public string ConnectionString => connectionString;

    public static async Task<AwardsFactory> StartAsync(PostgresServer postgres, bool runBackgroundServices = false) =>
        Started(new AwardsFactory(await postgres.CreateDatabaseAsync(), runBackgroundServices));

    /// <summary>A second replica on the same database.</summary>
    public static AwardsFactory Replica(AwardsFactory first, bool runBackgroundServices = false) =>
        Started(new AwardsFactory(first.ConnectionString, runBackgroundServices));

    private static AwardsFactory Started(AwardsFactory factory)
    {
        _ = factory.Server; // start now: migrations run before the first request
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:awardsdb", connectionString);
        // Never dialled: the test harness below replaces the RabbitMQ transport.
        builder.UseSetting("ConnectionStrings:messaging", "amqp://guest:guest@127.0.0.1:1");
        Gateway.ConfigureService(builder);
        TestLinkSecrets.ConfigurePublisher(builder, "awards");
        builder.UseSetting("Awards:EmbargoSweepInterval", "00:00:00.200");

        builder.ConfigureTestServices(services =>
        {
            services.AddMassTransitTestHarness();
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            if (!runBackgroundServices)
                services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(EmbargoSweeper)));
        });
    }

    public HttpClient CreateStaffClient() => CreateClientAs(PlatformClaims.Roles.Staff, "staff-1");

    /// <summary>
    /// A client acting as the gateway does for a user (staff or organisation) or a partner key. The token is minted
    /// per request from the test clock, as the gateway mints short-lived ones, so a client outlives clock moves.
    /// </summary>
    public HttpClient CreateClientAs(string role, string subject, params string[] scopes)
    {
        var identity = new InternalIdentity(subject, role, role == PlatformClaims.Roles.Staff ? null : Guid.CreateVersion7(), scopes);
        return CreateDefaultClient(new InternalTokenHandler(() => Gateway.TokenFor(identity)));
    }

    private sealed class InternalTokenHandler(Func<string> token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token());
            return base.SendAsync(request, cancellationToken);
        }
    }

    public async Task<T> WithDbAsync<T>(Func<AwardsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AwardsDbContext>());
    }

    public Task<int> SweepAsync() => EmbargoSweeper.SweepOnceAsync(Services.GetRequiredService<IServiceScopeFactory>(), CancellationToken.None);

    /// <summary>A published event as Notifications reads it: its link secrets opened (the service holds its own key).</summary>
    private T Opened<T>(T message) where T : class =>
        message is Platform.Contracts.IntegrationEvent e ? (T)(object)Services.GetRequiredService<Platform.Messaging.LinkSecrets>().Open(e) : message;

    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

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

    /// <summary>Publishes as another service would, and waits until the consumer's change is visible.</summary>
    public async Task DeliverAsync<T>(T message, Func<AwardsDbContext, Task<bool>> applied) where T : class
    {
        await Harness.Bus.Publish(message);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await WithDbAsync(applied))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The {typeof(T).Name} was not applied.");
            await Task.Delay(50);
        }
    }

    /// <summary>Publishes as another service would, and waits until a consumer has taken the message (applied or ignored).</summary>
    public async Task DeliverAndWaitAsync<T>(T message) where T : Contracts.IntegrationEvent
    {
        await Harness.Bus.Publish(message);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Harness.Consumed.Select<T>().Any(m => m.Context.Message.EventId == message.EventId))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The {typeof(T).Name} was not consumed.");
            await Task.Delay(50);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
    }
}
