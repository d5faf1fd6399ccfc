using System.Net.Http.Headers;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.ServiceDefaults.Identity;

namespace Platform.TestSupport;

/// <summary>
/// A real service on a real PostgreSQL database of its own, as the AppHost would run it, with three things swapped:
/// MassTransit's in-memory harness for RabbitMQ, a hand-moved clock (<see cref="Time"/>), and the test acting as the
/// gateway (<see cref="Gateway"/>). A service's test project derives its factory from this and says only what differs:
/// the settings it needs and the background loops it leaves out (tests run their passes themselves, so they decide
/// when time-driven work happens). Two factories on one connection string are two replicas sharing a database.
/// </summary>
/// <param name="service">The service's name: its database is "{service}db" and it accepts tokens for this audience.</param>
public abstract class ServiceFactory<TProgram, TDbContext>(string service, string connectionString) : WebApplicationFactory<TProgram>
    where TProgram : class
    where TDbContext : DbContext
{
    private ManualTimeProvider? _time;
    private TestGateway? _gateway;

    public string ConnectionString => connectionString;

    public ManualTimeProvider Time => _time ??= CreateClock();

    /// <summary>The test acting as the gateway: its own key pair, tokens for this service only.</summary>
    public TestGateway Gateway => _gateway ??= new TestGateway(service, Time);

    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    /// <summary>Starts the service now, so its migrations run before the first request.</summary>
    public TFactory Started<TFactory>() where TFactory : ServiceFactory<TProgram, TDbContext>
    {
        _ = Server;
        return (TFactory)this;
    }

    /// <summary>
    /// A database of the service's own, as the service's migrations leave it at its start: cloned from a template that
    /// a factory from <paramref name="create"/> migrated once in the run (<see cref="PostgresServer.CreateMigratedDatabaseAsync"/>).
    /// </summary>
    protected static Task<string> MigratedDatabaseAsync(PostgresServer postgres, Func<string, ServiceFactory<TProgram, TDbContext>> create, int maxPoolSize = 40) =>
        postgres.CreateMigratedDatabaseAsync(typeof(TDbContext).FullName!, async connectionString =>
        {
            await using var factory = create(connectionString);
            _ = factory.Server;
        }, maxPoolSize);

    /// <summary>The clock the service runs on; standing at this second unless a factory says otherwise.</summary>
    protected virtual ManualTimeProvider CreateClock() => ManualTimeProvider.StandingNow();

    /// <summary>Settings the service needs beyond its connection strings and internal-token key.</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    /// <summary>Services to replace or leave out, after the harness and the clock are in.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected sealed override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting($"ConnectionStrings:{service}db", connectionString);
        // Never dialled: the test harness below replaces the RabbitMQ transport.
        builder.UseSetting("ConnectionStrings:messaging", "amqp://guest:guest@127.0.0.1:1");
        Gateway.ConfigureService(builder);
        TestLinkSecrets.Configure(builder, service);
        ConfigureSettings(builder);

        builder.ConfigureTestServices(services =>
        {
            services.AddMassTransitTestHarness();
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            ConfigureTestServices(services);
        });
    }

    /// <summary>A client acting as the gateway does for a member of the Commissioner's staff.</summary>
    public HttpClient CreateStaffClient(params string[] scopes) => CreateClientAs(PlatformClaims.Roles.Staff, scopes: scopes);

    /// <summary>A client acting as the gateway does for a user of one organisation.</summary>
    public HttpClient CreateOrganisationClient(Guid organisationId) => CreateClientAs(PlatformClaims.Roles.Organisation, organisationId);

    /// <summary>
    /// A client acting as the gateway does for a user or a partner key. An organisation user without an organisation
    /// named gets one of their own. The token is minted per request from the test clock, as the gateway mints
    /// short-lived ones, so a client outlives the test's clock moves.
    /// </summary>
    /// <param name="subject">Who the caller is (a judge is known by it); "{role}-1", or "{role}-{organisation}", when not given.</param>
    public HttpClient CreateClientAs(string role, Guid? organisation = null, IReadOnlyList<string>? scopes = null, string? subject = null)
    {
        organisation ??= role == PlatformClaims.Roles.Organisation ? Guid.CreateVersion7() : null;
        var identity = new InternalIdentity(subject ?? (organisation is { } id ? $"{role}-{id}" : $"{role}-1"), role, organisation, scopes ?? []);
        return CreateDefaultClient(new InternalTokenHandler(() => Gateway.TokenFor(identity)));
    }

    /// <summary>Reads or changes the service's database in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<TDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TDbContext>());
    }

    /// <summary>Runs a scoped service of the app (one pass of a sweep, say) in a scope of its own.</summary>
    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>Everything published so far that matches.</summary>
    public List<T> Published<T>(Func<T, bool> match) where T : class =>
        Harness.Published.Select<T>().Select(m => Opened(m.Context.Message)).Where(match).ToList();

    /// <summary>A published event as Notifications reads it: its link secrets opened (the service holds its own key).</summary>
    private T Opened<T>(T message) where T : class =>
        message is Contracts.IntegrationEvent e && Services.GetService<Messaging.LinkSecrets>() is { } secrets ? (T)(object)secrets.Open(e) : message;

    /// <summary>Waits for the outbox relay to publish a matching event (it polls every second).</summary>
    public Task<T> PublishedAsync<T>(Func<T, bool> match) where T : class =>
        Eventually(() => Published(match).FirstOrDefault(), $"No {typeof(T).Name} matching the test was published.");

    /// <summary>Publishes as another service would, and waits until the consumer's change is visible.</summary>
    public async Task DeliverAsync<T>(T message, Func<TDbContext, Task<bool>> applied) where T : class
    {
        await Harness.Bus.Publish(message);
        await Eventually(async () => await WithDbAsync(applied) ? message : null, $"The {typeof(T).Name} was not applied.");
    }

    /// <summary>Publishes as another service would, and waits until a consumer has taken it (applied or ignored).</summary>
    public async Task DeliverAndWaitAsync<T>(T message) where T : Contracts.IntegrationEvent
    {
        await Harness.Bus.Publish(message);
        await Eventually(() => Harness.Consumed.Select<T>().Any(m => m.Context.Message.EventId == message.EventId) ? message : null,
            $"The {typeof(T).Name} was not consumed.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Each factory has its own database, so its pooled connections would only sit idle against the server's limit.
        Npgsql.NpgsqlConnection.ClearAllPools();
        GC.SuppressFinalize(this);
    }

    private static Task<T> Eventually<T>(Func<T?> found, string failure) where T : class =>
        Eventually(() => Task.FromResult(found()), failure);

    private static async Task<T> Eventually<T>(Func<Task<T?>> found, string failure) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (await found() is { } result) return result;
            if (DateTime.UtcNow > deadline) throw new TimeoutException(failure);
            await Task.Delay(50);
        }
    }

    private sealed class InternalTokenHandler(Func<string> token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
