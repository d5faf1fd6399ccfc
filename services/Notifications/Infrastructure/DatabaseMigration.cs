using Microsoft.EntityFrameworkCore;

namespace Platform.Notifications.Infrastructure;

internal static partial class DatabaseMigration
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private const int MaxAttempts = 30;

    /// <summary>
    /// Brings the schema up to date before the service takes traffic or consumes messages. Retries for a while
    /// because the database may still be starting when the AppHost launches this service.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigration).FullName!);
        var timeProvider = app.Services.GetRequiredService<TimeProvider>();

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
                if (db.Database.IsNpgsql())
                {
                    await db.Database.MigrateAsync(app.Lifetime.ApplicationStopping);
                }
                else
                {
                    // The migrations are PostgreSQL's; unit tests run the model on SQLite and create it directly.
                    await db.Database.EnsureCreatedAsync(app.Lifetime.ApplicationStopping);
                }

                return;
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsTransient(ex))
            {
                LogDatabaseNotReady(logger, ex.Message, attempt);
                await Task.Delay(RetryDelay, timeProvider, app.Lifetime.ApplicationStopping);
            }
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is Npgsql.NpgsqlException { IsTransient: true } or System.Net.Sockets.SocketException or TimeoutException
        || (ex.InnerException is { } inner && IsTransient(inner));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable yet ({Reason}); attempt {Attempt}, retrying")]
    private static partial void LogDatabaseNotReady(ILogger logger, string reason, int attempt);
}
