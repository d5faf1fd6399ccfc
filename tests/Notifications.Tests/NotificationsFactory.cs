using System.Collections.Concurrent;
using System.Net.Http.Headers;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.Notifications.DataProtection;
using Platform.Notifications.Delivery;
using Platform.Notifications.Digests;
using Platform.Notifications.Infrastructure;
using Platform.ServiceDefaults.Identity;
using Platform.TestSupport;

namespace Platform.Notifications.Tests;

/// <summary>
/// The real app on a real PostgreSQL database of its own, with MassTransit's in-memory harness for RabbitMQ, a
/// recording sender for SMTP (which can be told to fail) unless the test brings a real server, and a hand-moved clock. The delivery sender runs; the
/// digest and housekeeping loops do not (tests run their passes themselves, so they decide when time-driven work
/// happens).
/// </summary>
public sealed class NotificationsFactory(string? connectionString = null, bool realSender = false) : WebApplicationFactory<Program>
{
    private readonly string _connectionString = connectionString ?? PostgresServer.Instance.CreateDatabaseAsync().GetAwaiter().GetResult();
    private readonly Dictionary<string, string?> _settings = new();

    public RecordingEmailSender Emails { get; } = new();

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));

    /// <summary>The test acting as the gateway: its own key pair, tokens for this service only.</summary>
    public TestGateway Gateway => _gateway ??= new TestGateway("notifications", Time);

    private TestGateway? _gateway;

    /// <summary>Sets configuration before the app starts (e.g. "Notifications:Delivery:Concurrency").</summary>
    public NotificationsFactory With(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:notificationsdb", _connectionString);
        // Never dialled: the harness replaces RabbitMQ and the recording sender replaces SMTP.
        builder.UseSetting("ConnectionStrings:messaging", "amqp://guest:guest@127.0.0.1:1");
        builder.UseSetting("ConnectionStrings:mail", "smtp://127.0.0.1:1");
        Gateway.ConfigureService(builder);
        TestLinkSecrets.ConfigureNotifications(builder);
        // Quick retries so a test sees a transient failure recovered in well under a second.
        builder.UseSetting("Notifications:Delivery:RetryDelay", "00:00:00.010");
        builder.UseSetting("Notifications:Delivery:RequeueDelay", "00:00:00.100");
        builder.UseSetting("Notifications:Delivery:PollInterval", "00:00:00.050");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);

        builder.ConfigureTestServices(services =>
        {
            services.AddMassTransitTestHarness();
            if (!realSender)
            {
                services.RemoveAll<IEmailSender>();
                services.AddSingleton<IEmailSender>(Emails);
            }

            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            foreach (var type in new[] { typeof(DigestScheduler), typeof(HousekeepingService) })
                services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == type));
        });
    }

    /// <summary>An event as its publisher's outbox would send it: its link secrets sealed with that service's key.</summary>
    public T Sealed<T>(T message) where T : class =>
        message is Platform.Contracts.IntegrationEvent e && Platform.Messaging.LinkSecrets.Carries(e.GetType())
            ? (T)(object)Services.GetRequiredService<Platform.Messaging.LinkSecrets>().Seal(e, TestLinkSecrets.KeyIdOf(Platform.Messaging.PublisherCheck.OwnerOf(e.GetType())!))
            : message;

    public async Task<T> QueryAsync<T>(Func<NotificationsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>());
    }

    /// <summary>Runs a scoped service of the app (e.g. one digest pass).</summary>
    public async Task<T> RunAsync<TService, T>(Func<TService, Task<T>> work) where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>A client acting as the gateway does for staff (with these scopes).</summary>
    public HttpClient CreateStaffClient(params string[] scopes)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            Gateway.TokenFor(new InternalIdentity("staff-1", PlatformClaims.Roles.Staff, null, scopes)));
        return client;
    }

    /// <summary>Waits until at least <paramref name="count"/> emails went out, then a little longer so a wrongly repeated one shows too.</summary>
    public async Task WaitForEmailsAsync(int count, TimeSpan? settle = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Emails.Sent.Count < count && DateTime.UtcNow < deadline) await Task.Delay(25);
        await Task.Delay(settle ?? TimeSpan.FromMilliseconds(500));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Each factory has its own database, so its pooled connections would only sit idle against the server's limit.
        Npgsql.NpgsqlConnection.ClearAllPools();
    }
}

/// <summary>Records what would have gone to the mail server; <see cref="Failure"/> makes chosen sends fail.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    public ConcurrentQueue<(string To, RenderedEmail Email)> Sent { get; } = new();

    /// <summary>Returns the exception to throw for a send to this address, or null to accept it.</summary>
    public Func<string, Exception?>? Failure { get; set; }

    public int Attempts => _attempts;

    private int _attempts;

    public Task SendAsync(string to, RenderedEmail email, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (Failure?.Invoke(to) is { } failure) throw failure;
        Sent.Enqueue((to, email));
        return Task.CompletedTask;
    }
}
