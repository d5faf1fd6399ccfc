using System.Net.Http.Json;
using System.Security.Cryptography;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Contracts;
using Platform.Contracts.Gateway;
using Platform.Gateway.Data;
using Platform.Messaging;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Jobs;

namespace Platform.Gateway.Tests;

/// <summary>
/// The real gateway, in memory, with only the services the test names configured behind it, its database on a
/// throwaway SQLite file (or another gateway's, for two replicas: <see cref="ReplicaOf"/>), MassTransit's in-memory
/// harness for RabbitMQ (so the emails' events can be read as Notifications would read them), and a known first staff account.
/// </summary>
public sealed class GatewayFactory(
    IReadOnlyDictionary<string, string> serviceAddresses,
    Action<IServiceCollection>? configureServices = null,
    IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string StaffEmail = "admin@platform.local";
    public const string StaffPassword = "correct horse battery staple";

    private string _databasePath = Path.Combine(Path.GetTempPath(), $"gateway-tests-{Guid.CreateVersion7():N}.db");
    private GatewayFactory? _sharesDatabaseWith;

    /// <summary>A second gateway on this one's database and signing keys, as two replicas of the gateway are.</summary>
    public GatewayFactory ReplicaOf(IReadOnlyDictionary<string, string> serviceAddresses, IReadOnlyDictionary<string, string>? settings = null) =>
        new(serviceAddresses, configureServices, settings) { _databasePath = _databasePath, _sharesDatabaseWith = this, Keys = Keys };

    /// <summary>This gateway's own ES256 key pair (the AppHost would generate one): it signs with the private half.</summary>
    public (string PrivateKey, string PublicKey) Keys { get; private init; } = InternalTokenKeys.NewPair();

    public TestTime Time { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Never dialled: the DbContext is moved to SQLite below. It only satisfies the startup check.
        builder.UseSetting("ConnectionStrings:gatewaydb", "Host=127.0.0.1;Port=1;Database=unused");
        builder.UseSetting("InternalToken:SigningKey", Keys.PrivateKey);
        builder.UseSetting("OTEL_SERVICE_NAME", "gateway");
        builder.UseSetting("Accounts:BootstrapStaff:Email", StaffEmail);
        builder.UseSetting("Accounts:BootstrapStaff:Password", StaffPassword);
        // Never dialled: the test harness below replaces the RabbitMQ transport.
        builder.UseSetting("ConnectionStrings:messaging", "amqp://guest:guest@127.0.0.1:1");
        builder.UseSetting("Messaging:LinkSecrets:Keys:gateway-1", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Messaging:LinkSecrets:SealWith", "gateway-1");
        foreach (var (service, address) in serviceAddresses)
        {
            builder.UseSetting($"services:{service}:http:0", address);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<DbContextOptions<GatewayDbContext>>();
            services.RemoveAll<IDbContextOptionsConfiguration<GatewayDbContext>>();
            services.AddDbContext<GatewayDbContext>(o => o.UseSqlite($"Data Source={_databasePath};Pooling=False"));
            services.AddMassTransitTestHarness();
            // The periodic jobs' lock is PostgreSQL's (Platform.Data); here the one housekeeping pass runs by hand.
            services.RemoveAll<IPeriodicJobLock>();
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            configureServices?.Invoke(services);
        });
    }

    public async Task<string> LoginAsync(HttpClient client, string email = StaffEmail, string password = StaffPassword)
    {
        using var response = await client.PostAsJsonAsync("/gateway/accounts/login", new { email, password }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<LoginBody>(TestContext.Current.CancellationToken);
        return body!.AccessToken;
    }

    /// <summary>A client signed in as the first member of staff, its token sent with every request.</summary>
    public async Task<HttpClient> CreateStaffClientAsync()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await LoginAsync(client));
        return client;
    }

    /// <summary>The token in the invitation emailed to <paramref name="email"/> (the newest, once <paramref name="count"/> were sent).</summary>
    public async Task<string> InvitationTokenAsync(string email, int count = 1) =>
        (await EmailedAsync<InvitationIssued>(e => e.Email == email, count)).InvitationToken;

    /// <summary>The token in the password reset emailed to <paramref name="email"/> (the newest, once <paramref name="count"/> were sent).</summary>
    public async Task<string> ResetTokenAsync(string email, int count = 1) =>
        (await EmailedAsync<PasswordResetRequested>(e => e.Email == email, count)).ResetToken;

    /// <summary>Every matching event the gateway published, its link secrets opened as Notifications opens them.</summary>
    public List<T> Emailed<T>(Func<T, bool> match) where T : IntegrationEvent
    {
        var secrets = Services.GetRequiredService<LinkSecrets>();
        return Services.GetRequiredService<ITestHarness>().Published.Select<T>()
            .Select(m => secrets.Open(m.Context.Message)).Where(match).ToList();
    }

    /// <summary>Waits for the outbox relay to publish the <paramref name="count"/>th matching event and returns it.</summary>
    private async Task<T> EmailedAsync<T>(Func<T, bool> match, int count) where T : IntegrationEvent
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = Emailed(match);
            if (found.Count >= count) return found[count - 1];
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No {count} {typeof(T).Name} matching the test were published.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_sharesDatabaseWith is not null) return;   // the first replica deletes it
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }

    private sealed record LoginBody(string AccessToken);
}

/// <summary>A clock the test moves by hand (the gateway reads time only through <see cref="TimeProvider"/>).</summary>
public sealed class TestTime : TimeProvider
{
    private DateTimeOffset _now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
