using Microsoft.Extensions.Options;
using Platform.Events.Infrastructure;
using Platform.ServiceDefaults.Clock;

namespace Platform.Events.Reminders;

/// <summary>Runs <see cref="EventReminders"/> every ReminderInterval.</summary>
public sealed partial class ReminderScheduler(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<EventsOptions> options, ILogger<ReminderScheduler> logger,
    IClockChanges? clockChanges = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<EventReminders>().RunOnceAsync(stoppingToken);
                if (sent > 0) LogSent(logger, sent);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // The next tick retries; unsent reminders are still unclaimed.
                LogFailed(logger, e);
            }

            // The interval, or sooner when a test platform moves the clock.
            await time.DelayAsync(options.Value.ReminderInterval, clockChanges, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders due for {Count} events")]
    private static partial void LogSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder round failed; retrying next round")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
