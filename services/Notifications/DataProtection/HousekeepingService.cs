using Microsoft.Extensions.Options;
using Platform.Notifications.Infrastructure;
using Platform.ServiceDefaults.Clock;

namespace Platform.Notifications.DataProtection;

/// <summary>Runs <see cref="Housekeeping"/> on an interval, or at once when a test moves the clock.</summary>
public sealed partial class HousekeepingService(
    IServiceScopeFactory scopes,
    IOptions<NotificationsOptions> options,
    TimeProvider timeProvider,
    IServiceProvider services,
    ILogger<HousekeepingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clockChanges = services.GetService<IClockChanges>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var forgotten = await scope.ServiceProvider.GetRequiredService<Housekeeping>().RunOnceAsync(stoppingToken);
                if (forgotten > 0) LogForgotten(logger, forgotten);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e);
            }

            await timeProvider.DelayAsync(options.Value.HousekeepingInterval, clockChanges, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} addresses (expired sign-ups, ended subscriptions past retention)")]
    private static partial void LogForgotten(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Housekeeping failed; the next pass tries again")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
