using Microsoft.Extensions.Options;
using Platform.Events.Infrastructure;

namespace Platform.Events.Reminders;

/// <summary>Runs <see cref="EventReminders"/> every ReminderInterval.</summary>
public sealed partial class ReminderScheduler(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<EventsOptions> options, ILogger<ReminderScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReminderInterval, time);
        do
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
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reminders due for {Count} events")]
    private static partial void LogSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminder round failed; retrying next round")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
