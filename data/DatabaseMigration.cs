using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Microsoft.Extensions.Hosting;

public static partial class DatabaseMigration
{
    private const int MaxAttempts = 30;

    /// <summary>
    /// Brings the schema up to date before the service takes traffic or consumes messages. Retries for a while
    /// because the database may still be starting when the service starts on its own (outside the AppHost).
    /// </summary>
    public static async Task MigrateDatabaseAsync<TContext>(this WebApplication app) where TContext : DbContext
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigration).FullName!);
        var time = app.Services.GetService<TimeProvider>() ?? TimeProvider.System;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TContext>();
                if (db.Database.IsNpgsql())
                {
                    await using var gate = await MigrationGate.EnterAsync(db.Database.GetConnectionString()!, typeof(TContext).FullName!, app.Lifetime.ApplicationStopping);
                    await db.Database.MigrateAsync(app.Lifetime.ApplicationStopping);
                }
                else
                    // The migrations are PostgreSQL's; unit tests run the model on SQLite and create it directly.
                    await db.Database.EnsureCreatedAsync(app.Lifetime.ApplicationStopping);
                return;
            }
            catch (Exception e) when (attempt < MaxAttempts && IsTransient(e))
            {
                LogDatabaseNotReady(logger, e.Message, attempt);
                await Task.Delay(TimeSpan.FromSeconds(1), time, app.Lifetime.ApplicationStopping);
            }
        }
    }

    private static bool IsTransient(Exception e) =>
        e is Npgsql.NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException
        || (e.InnerException is { } inner && IsTransient(inner));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable yet ({Reason}); attempt {Attempt}, retrying")]
    private static partial void LogDatabaseNotReady(ILogger logger, string reason, int attempt);
}
