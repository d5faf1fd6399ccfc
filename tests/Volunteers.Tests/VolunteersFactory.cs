using System.Net.Http.Headers;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Identity;
using Platform.TestSupport;
using Platform.Volunteers.Infrastructure;
using Platform.Volunteers.Sweeps;

namespace Platform.Volunteers.Tests;

/// <summary>
/// The real Volunteers service on a real PostgreSQL database of its own, with MassTransit's in-memory harness for
/// RabbitMQ, a hand-moved clock, and no background scheduler (tests run sweeps themselves, so they decide when time acts).
/// </summary>
public sealed class VolunteersFactory(string connectionString) : WebApplicationFactory<Program>
{
    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(DateTime.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero));

    /// <summary>The test acting as the gateway: its own key pair, tokens for this service only.</summary>
    public TestGateway Gateway => _gateway ??= new TestGateway("volunteers", Time);

    private TestGateway? _gateway;

    public static async Task<VolunteersFactory> StartAsync(PostgresServer postgres)
    {
        var factory = new VolunteersFactory(await postgres.CreateDatabaseAsync());
        _ = factory.Server; // start now: migrations run before the first request
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:volunteersdb", connectionString);
        // Never dialled: the test harness below replaces the RabbitMQ transport.
        builder.UseSetting("ConnectionStrings:messaging", "amqp://guest:guest@127.0.0.1:1");
        Gateway.ConfigureService(builder);
        TestLinkSecrets.ConfigurePublisher(builder, "volunteers");

        builder.ConfigureTestServices(services =>
        {
            services.AddMassTransitTestHarness();
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(VolunteeringScheduler)));
        });
    }

    public HttpClient CreateStaffClient() => CreateClientAs(PlatformClaims.Roles.Staff, null);

    public HttpClient CreateOrganisationClient(Guid organisationId) => CreateClientAs(PlatformClaims.Roles.Organisation, organisationId);

    public HttpClient CreateClientAs(string role, Guid? organisationId)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Gateway.TokenFor(new InternalIdentity($"{role}-{organisationId}", role, organisationId, [])));
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<VolunteersDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<VolunteersDbContext>());
    }

    public async Task<SweepResult> SweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VolunteeringSweep>().RunOnceAsync(CancellationToken.None);
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
            var found = Published<T>(match).FirstOrDefault();
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {typeof(T).Name} matching the test was published.");
            await Task.Delay(100);
        }
    }

    public List<T> Published<T>(Func<T, bool> match) where T : class =>
        Harness.Published.Select<T>().Select(m => Opened(m.Context.Message)).Where(match).ToList();

    /// <summary>A published event as Notifications reads it: its link secrets opened (the service holds its own key).</summary>
    private T Opened<T>(T message) where T : class =>
        message is Platform.Contracts.IntegrationEvent e ? (T)(object)Services.GetRequiredService<Platform.Messaging.LinkSecrets>().Open(e) : message;

    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();
}
