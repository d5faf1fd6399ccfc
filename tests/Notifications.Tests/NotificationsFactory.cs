using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Jobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Notifications.DataProtection;
using Platform.Notifications.Delivery;
using Platform.Notifications.Digests;
using Platform.Notifications.Infrastructure;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: AssemblyFixture(typeof(PostgresServer))]
// Two cores and one PostgreSQL shared by every class: classes run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Platform.Notifications.Tests;

/// <summary>
/// The real Notifications service (see <see cref="ServiceFactory{TProgram, TDbContext}"/>) with a recording sender for
/// SMTP (which can be told to fail) unless the test brings a real server, and a clock that runs from a fixed instant.
/// The delivery sender runs; the digest and housekeeping loops do not.
/// </summary>
public sealed class NotificationsFactory(string? connectionString = null, bool realSender = false)
    : ServiceFactory<Program, NotificationsDbContext>("notifications", connectionString ?? MigratedDatabaseAsync(PostgresServer.Instance, c => new NotificationsFactory(c), maxPoolSize: 20).GetAwaiter().GetResult())
{
    private readonly Dictionary<string, string?> _settings = new();

    public RecordingEmailSender Emails { get; } = new();

    /// <summary>Sets configuration before the app starts (e.g. "Notifications:Delivery:Concurrency").</summary>
    public NotificationsFactory With(string key, string value)
    {
        _settings[key] = value;
        return this;
    }

    // Runs in real time, so the sender's retry delays still fall due.
    protected override ManualTimeProvider CreateClock() => ManualTimeProvider.Running(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:mail", "smtp://127.0.0.1:1");   // never dialled unless the test brings a server
        // Quick retries so a test sees a transient failure recovered in well under a second.
        builder.UseSetting("Notifications:Delivery:RetryDelay", "00:00:00.010");
        builder.UseSetting("Notifications:Delivery:RequeueDelay", "00:00:00.100");
        builder.UseSetting("Notifications:Delivery:PollInterval", "00:00:00.050");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        if (!realSender)
        {
            services.RemoveAll<IEmailSender>();
            services.AddSingleton<IEmailSender>(Emails);
        }

        services.RemovePeriodicJob<Notifications.Digests.Digests>().RemovePeriodicJob<Housekeeping>();
    }

    /// <summary>An event as its publisher's outbox would send it: its link secrets sealed with that service's key.</summary>
    public T Sealed<T>(T message) where T : class =>
        message is Platform.Contracts.IntegrationEvent e && Platform.Messaging.LinkSecrets.Carries(e.GetType())
            ? (T)(object)Services.GetRequiredService<Platform.Messaging.LinkSecrets>().Seal(e, TestLinkSecrets.KeyIdOf(Platform.Messaging.PublisherCheck.OwnerOf(e.GetType())!))
            : message;

    /// <summary>Publishes as the event's owning service would (link secrets sealed), starting the app and its consumers first.</summary>
    public async Task PublishAsOwnerAsync<T>(T message) where T : class
    {
        _ = Server;
        await Services.GetRequiredService<MassTransit.IBus>().Publish(Sealed(message), TestContext.Current.CancellationToken);
    }

    /// <summary>Waits up to 30 s for the condition; the test's own assertions say what was missing.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> emails went out, then a little longer so a wrongly repeated one shows too.</summary>
    public async Task WaitForEmailsAsync(int count, TimeSpan? settle = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Emails.Sent.Count < count && DateTime.UtcNow < deadline) await Task.Delay(25);
        await Task.Delay(settle ?? TimeSpan.FromMilliseconds(500));
    }
}
