using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Events.Infrastructure;

namespace Platform.Events.Registrations;

/// <summary>
/// Forgets Idempotency-Keys once a client could no longer be retrying, so the table does not grow for ever.
/// A retry after that creates a new registration, as it would for any key the service has never seen.
/// </summary>
public sealed partial class IdempotencyKeyCleanup(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<EventsOptions> options, ILogger<IdempotencyKeyCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var cutoff = time.GetUtcNow() - options.Value.IdempotencyKeyRetention;
                await scope.ServiceProvider.GetRequiredService<EventsDbContext>().IdempotencyRecords
                    .Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Idempotency-Key cleanup failed; retrying next hour")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
