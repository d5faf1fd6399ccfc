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

    // One place for a pass, so every job runs on one replica at a time (IPeriodicJobLock). A replica that finds the lock
    // taken skips this pass: the holder is doing the same work, and a holder that dies frees the lock with its session,
    // so this replica's next pass (within one interval) takes the work over.
    private async Task RunPassAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        try
        {
            await using var held = services.GetService<IPeriodicJobLock>() is { } jobLock
                ? await jobLock.TryTakeAsync(JobName, stoppingToken)
                : NoLock.Instance;
            if (held is null)
            {
                LogHeldElsewhere(logger, JobName);
                return;
            }

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

    private static string JobName => typeof(TJob).FullName ?? typeof(TJob).Name;

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Job}: another replica is running this pass")]
    private static partial void LogHeldElsewhere(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed; retrying within {Interval}")]
    private static partial void LogFailed(ILogger logger, Exception e, string job, TimeSpan interval);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
