using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Clock;

namespace Platform.ServiceDefaults.Jobs;

/// <summary>
/// The loop every periodic job shares: a pass in a scope of its own, then a wait for the interval, a moved clock (a
/// test platform's, <see cref="IClockChanges"/>) or the job's wake signal, whichever comes first. A failed pass is
/// logged and the job waits as after any pass, so a database outage is retried each interval, never in a tight loop;
/// nothing is lost, since a pass only commits what it finished and the next finds the rest still due.
/// </summary>
internal sealed partial class PeriodicJobService<TJob>(
    PeriodicJob<TJob> job, IServiceScopeFactory scopes, IServiceProvider services, TimeProvider time, ILogger<TJob> logger)
    : BackgroundService where TJob : class, IPeriodicJob
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var clockChanges = services.GetService<IClockChanges>();
        var signal = job.WakeSignal is { } type ? (IWakesPeriodicJob)services.GetRequiredService(type) : null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var interval = job.Interval(services);
                // Taken before the pass, so a move during the pass (which may have read the time before it) wakes the wait.
                var moved = clockChanges?.Moved ?? CancellationToken.None;
                await RunPassAsync(interval, stoppingToken);
                await WaitAsync(interval, moved, signal, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping mid-pass: what the pass had not committed is still due at the next start.
        }
    }

    // One place for a pass, so running it once across replicas (a lock around it) can be added here for every job.
    private async Task RunPassAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, e, typeof(TJob).Name, interval);
        }
    }

    private async Task WaitAsync(TimeSpan interval, CancellationToken clockMoved, IWakesPeriodicJob? signal, CancellationToken stoppingToken)
    {
        using var wake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, clockMoved);
        try
        {
            if (signal is null) await Task.Delay(interval, time, wake.Token);
            else await signal.WaitAsync(interval, time, wake.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested) { }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed; retrying within {Interval}")]
    private static partial void LogFailed(ILogger logger, Exception e, string job, TimeSpan interval);
}
