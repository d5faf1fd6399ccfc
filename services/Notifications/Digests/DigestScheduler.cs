using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Clock;

namespace Platform.Notifications.Digests;

/// <summary>Runs <see cref="Digests"/> every <see cref="DigestOptions.CheckInterval"/>, or at once when a test moves the clock.</summary>
public sealed partial class DigestScheduler(
    IServiceScopeFactory scopes,
    IOptions<DigestOptions> options,
    TimeProvider timeProvider,
    IServiceProvider services,
    ILogger<DigestScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clockChanges = services.GetService<IClockChanges>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var queued = await scope.ServiceProvider.GetRequiredService<Digests>().RunDueAsync(stoppingToken);
                if (queued > 0) LogQueued(logger, queued);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e);
            }

            await timeProvider.DelayAsync(options.Value.CheckInterval, clockChanges, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued {Count} digest emails")]
    private static partial void LogQueued(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A digest pass failed; the next pass resumes it")]
    private static partial void LogFailed(ILogger logger, Exception e);
}
