using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Clock;

namespace Platform.ServiceDefaults.Jobs;

/// <summary>
/// The loop every periodic job shares: a pass in a scope of its own, then a wait for the interval, a moved clock (a
/// test platform's, <see cref="IClockChanges"/>) or the job's wake signal, whichever comes first. A failed pass is
/// logged and tried again after a back-off that starts at <see cref="PeriodicJobExtensions.FailedPassRetry"/> and
/// doubles with each failure in a row up to the interval: never a tight loop, yet a blip (a PostgreSQL restart leaves
/// each pooled connection to fail once) costs seconds rather than an interval of work left undone. Nothing is lost,
/// since a pass only commits what it finished and the next finds the rest still due.
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
            var failuresInARow = 0;
            while (!stoppingToken.IsCancellationRequested)
            {
                var interval = job.Interval(services);
                // Taken before the pass, so a move during the pass (which may have read the time before it) wakes the wait.
                var moved = clockChanges?.Moved ?? CancellationToken.None;
                var failure = await RunPassAsync(interval, stoppingToken);
                failuresInARow = failure is null ? 0 : failuresInARow + 1;
                var wait = failure is null ? interval : RetryDelay(failuresInARow, interval);
                if (failure is not null) LogFailed(logger, failure, typeof(TJob).Name, wait);
                await WaitAsync(wait, moved, signal, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping mid-pass: what the pass had not committed is still due at the next start.
        }
    }

    // One place for a pass, so every job runs on one replica at a time (IPeriodicJobLock). A replica that finds the lock
    // taken waits for it and then runs its own pass, rather than skipping to its next interval: the holder may have read
    // the clock or the work before whatever woke this replica (a moved clock, a wake signal), and it may die mid-pass,
    // its lock freed with its session. So a holder killed mid-pass is taken over within HeldElsewhereRetry (or the
    // interval, if shorter) of its session ending, not one interval later; the price is a second pass after the
    // holder's, which finds nothing due.
    // Null when the pass finished, else what it failed with.
    private async Task<Exception?> RunPassAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        try
        {
            await using var held = await TakeLockAsync(interval, stoppingToken);
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TJob>().RunAsync(stoppingToken);
            return null;
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            return e;
        }
    }

    /// <summary>The wait after the <paramref name="failuresInARow"/>th failure in a row: 1 s, 2 s, 4 s… never past the interval.</summary>
    private static TimeSpan RetryDelay(int failuresInARow, TimeSpan interval)
    {
        var backOff = PeriodicJobExtensions.FailedPassRetry * Math.Pow(2, Math.Min(failuresInARow - 1, 30));
        return backOff < interval ? backOff : interval;
    }

    private async Task<IAsyncDisposable> TakeLockAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        if (services.GetService<IPeriodicJobLock>() is not { } jobLock) return NoLock.Instance;
        // A job whose interval is shorter than the retry asks as often as it would have run.
        var retry = interval < PeriodicJobExtensions.HeldElsewhereRetry ? interval : PeriodicJobExtensions.HeldElsewhereRetry;
        var logged = false;
        while (true)
        {
            if (await jobLock.TryTakeAsync(JobName, stoppingToken) is { } held) return held;
            if (!logged) LogHeldElsewhere(logger, JobName);
            logged = true;
            await Task.Delay(retry, time, stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Job}: another replica is running this pass; this one runs after it")]
    private static partial void LogHeldElsewhere(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} failed; trying again within {Retry}")]
    private static partial void LogFailed(ILogger logger, Exception e, string job, TimeSpan retry);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
