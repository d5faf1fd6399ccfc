using System.Collections.Concurrent;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;

namespace Platform.Notifications.Tests;

/// <summary>
/// The real app with its three backing services swapped for local stand-ins: SQLite for PostgreSQL,
/// MassTransit's in-memory harness for RabbitMQ, and a recording sender for SMTP.
/// </summary>
public sealed class NotificationsFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"notifications-tests-{Guid.CreateVersion7():N}.db");

    public RecordingEmailSender Emails { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Never dialled: the services that would use them are replaced below. They only satisfy startup checks.
        builder.UseSetting("ConnectionStrings:notificationsdb", "Host=127.0.0.1;Port=1;Database=unused");
        builder.UseSetting("ConnectionStrings:messaging", "amqp://guest:guest@127.0.0.1:1");
        builder.UseSetting("ConnectionStrings:mail", "smtp://127.0.0.1:1");
        // ServiceDefaults validates the internal-token key at start even though these public endpoints need no token.
        builder.UseSetting("InternalToken:SigningKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<DbContextOptions<NotificationsDbContext>>();
            services.RemoveAll<IDbContextOptionsConfiguration<NotificationsDbContext>>();
            services.AddDbContext<NotificationsDbContext>(o => o.UseSqlite($"Data Source={_databasePath};Pooling=False"));
            services.AddMassTransitTestHarness();
            services.RemoveAll<IEmailSender>();
            services.AddSingleton<IEmailSender>(Emails);
        });
    }

    public async Task<T> QueryAsync<T>(Func<NotificationsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }
}

public sealed class RecordingEmailSender : IEmailSender
{
    public ConcurrentQueue<(string To, RenderedEmail Email)> Sent { get; } = new();

    public Task SendAsync(string to, RenderedEmail email, CancellationToken cancellationToken)
    {
        Sent.Enqueue((to, email));
        return Task.CompletedTask;
    }
}
