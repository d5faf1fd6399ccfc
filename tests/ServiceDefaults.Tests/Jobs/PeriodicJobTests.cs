using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Clock;
using Platform.ServiceDefaults.Jobs;

namespace Platform.ServiceDefaults.Tests.Jobs;

public sealed class PeriodicJobTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_failed_pass_is_logged_and_tried_again_after_a_second_then_two_not_at_once_nor_an_interval_later()
    {
        await using var host = JobHost.Start(s => s.AddPeriodicJob<Job>(TimeSpan.FromHours(1)),
            behaviour: (pass, _) => pass <= 2 ? throw new InvalidOperationException("database unreachable") : Task.CompletedTask);

        for (var pass = 1; pass <= 3; pass++) await host.NextPassAsync();
        var firstRetry = host.Passes.Gap(1, 2);
        var secondRetry = host.Passes.Gap(2, 3);

        // Timed between the passes' own starts, so a test thread scheduled late on a busy machine cannot shorten them.
        Assert.True(firstRetry >= TimeSpan.FromSeconds(0.95), $"first retry after {firstRetry}");
        Assert.True(secondRetry >= TimeSpan.FromSeconds(1.95), $"second retry after {secondRetry}");
        Assert.Equal(2, host.Logs.Count(l => l.Level == LogLevel.Warning));
        var failure = host.Logs.First(l => l.Level == LogLevel.Warning);
        Assert.Equal(typeof(Job).FullName!.Replace('+', '.'), failure.Category); // the job's own category, not the runner's
        Assert.Equal("database unreachable", failure.Exception?.Message);
    }

    [Fact]
    public async Task Failed_passes_in_a_row_back_off_no_further_than_the_interval_from_options()
    {
        await using var host = JobHost.Start(s => s.AddPeriodicJob<Job, JobOptions>(o => o.Interval), new JobOptions { Interval = TimeSpan.FromMilliseconds(300) },
            behaviour: (pass, _) => pass <= 4 ? throw new InvalidOperationException("database unreachable") : Task.CompletedTask);

        for (var pass = 1; pass <= 5; pass++) await host.NextPassAsync();

        // Uncapped, the four waits would be 1 + 2 + 4 + 8 s; at the 300 ms interval they are 1.2 s.
        var retries = host.Passes.Gap(1, 5);
        Assert.True(retries < TimeSpan.FromSeconds(10), $"four retries took {retries}");
        Assert.True(retries >= TimeSpan.FromSeconds(1.15), $"four retries took only {retries}");
    }

    [Fact]
    public async Task A_finished_pass_waits_the_interval_from_options()
    {
        await using var host = JobHost.Start(s => s.AddPeriodicJob<Job, JobOptions>(o => o.Interval), new JobOptions { Interval = TimeSpan.FromMilliseconds(500) });

        await host.NextPassAsync();
        await host.NextPassAsync();

        var wait = host.Passes.Gap(1, 2);
        Assert.True(wait >= TimeSpan.FromMilliseconds(480), $"the second pass came {wait} after the first");
    }

    [Fact]
    public async Task Moving_the_clock_wakes_the_job_before_its_interval()
    {
        await using var host = JobHost.Start(s => s.AddPeriodicJob<Job>(TimeSpan.FromHours(1)));
        await host.NextPassAsync();
        await Task.Delay(100, Cancel);
        Assert.Equal(1, host.Passes.Count);

        host.Clock.Advance(TimeSpan.FromDays(1));

        await host.NextPassAsync();
    }

    [Fact]
    public async Task A_clock_move_during_a_pass_runs_the_next_pass_right_after_it()
    {
        var moveMade = new TaskCompletionSource();
        await using var host = JobHost.Start(s => s.AddPeriodicJob<Job>(TimeSpan.FromHours(1)),
            behaviour: (pass, ct) => pass == 1 ? moveMade.Task.WaitAsync(ct) : Task.CompletedTask);
        await host.NextPassAsync();

        host.Clock.Advance(TimeSpan.FromDays(1));
        moveMade.SetResult();

        await host.NextPassAsync();
    }

    [Fact]
    public async Task Its_wake_signal_wakes_the_job_before_its_interval()
    {
        await using var host = JobHost.Start(s => s.AddSingleton<Signal>().AddPeriodicJob<Job>(TimeSpan.FromHours(1)).WakenBy<Signal>());
        await host.NextPassAsync();
        await Task.Delay(100, Cancel);
        Assert.Equal(1, host.Passes.Count);

        host.Services.GetRequiredService<Signal>().Wake();

        await host.NextPassAsync();
    }

    [Fact]
    public async Task Each_pass_has_a_scope_of_its_own_disposed_when_the_pass_ends()
    {
        await using var host = JobHost.Start(s => s.AddPeriodicJob<Job>(TimeSpan.FromHours(1)));
        var first = await host.NextPassAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await host.NextPassAsync();

        Assert.NotSame(first, second);
        Assert.True(first.Disposed);
    }

    [Fact]
    public async Task Stopping_ends_the_job_mid_pass_without_an_error_and_no_pass_follows()
    {
        await using var host = JobHost.Start(s => s.AddPeriodicJob<Job>(TimeSpan.FromMilliseconds(50)),
            behaviour: (_, ct) => Task.Delay(Timeout.Infinite, ct));
        await host.NextPassAsync();

        await host.Service.StopAsync(Cancel).WaitAsync(Patience, Cancel);

        Assert.True(host.Service.ExecuteTask!.IsCompletedSuccessfully);
        await Task.Delay(200, Cancel);
        Assert.Equal(1, host.Passes.Count);
        Assert.DoesNotContain(host.Logs, l => l.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_pass_that_finds_the_lock_held_by_another_replica_runs_once_it_is_free_not_an_interval_later()
    {
        var jobLock = new OtherReplicaHolds();
        await using var host = JobHost.Start(s => s.AddSingleton<IPeriodicJobLock>(jobLock).AddPeriodicJob<Job>(TimeSpan.FromHours(1)));
        await jobLock.Asked.Task.WaitAsync(Patience, Cancel);
        await Task.Delay(200, Cancel);
        Assert.Equal(0, host.Passes.Count);

        jobLock.OtherReplicaEnds();

        await host.NextPassAsync();
        Assert.Equal(1, host.Passes.Count);
    }

    [Fact]
    public void A_removed_job_stays_resolvable_but_does_not_run()
    {
        var services = new ServiceCollection();
        services.AddPeriodicJob<Job>(TimeSpan.FromHours(1));

        services.RemovePeriodicJob<Job>();

        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IHostedService));
        Assert.Contains(services, d => d.ServiceType == typeof(Job) && d.Lifetime == ServiceLifetime.Scoped);
    }

    public sealed class JobOptions
    {
        public TimeSpan Interval { get; set; }
    }

    /// <summary>What each pass saw: its scoped dependency, in order.</summary>
    private sealed class Passes
    {
        public Channel<ScopedThing> Started { get; } = Channel.CreateUnbounded<ScopedThing>();

        public Func<int, CancellationToken, Task> Behaviour { get; set; } = (_, _) => Task.CompletedTask;

        private int _count;

        public int Count => Volatile.Read(ref _count);

        private readonly ConcurrentDictionary<int, long> _startedAt = new();

        public int Next()
        {
            var pass = Interlocked.Increment(ref _count);
            _startedAt[pass] = System.Diagnostics.Stopwatch.GetTimestamp();
            return pass;
        }

        /// <summary>The time from the start of pass <paramref name="from"/> to the start of pass <paramref name="to"/>.</summary>
        public TimeSpan Gap(int from, int to) => System.Diagnostics.Stopwatch.GetElapsedTime(_startedAt[from], _startedAt[to]);
    }

    private sealed class ScopedThing : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    private sealed class Job(Passes passes, ScopedThing scoped) : IPeriodicJob
    {
        public Task RunAsync(CancellationToken cancellationToken)
        {
            var pass = passes.Next();
            passes.Started.Writer.TryWrite(scoped);
            return passes.Behaviour(pass, cancellationToken);
        }
    }

    private sealed class Signal : IWakesPeriodicJob
    {
        private readonly SemaphoreSlim _woken = new(0, 1);

        public void Wake() => _woken.Release();

        public Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken) =>
            _woken.WaitAsync(timeout, cancellationToken);
    }

    /// <summary>Another copy's lock, held until it ends (finishes its pass or dies and loses its session).</summary>
    private sealed class OtherReplicaHolds : IPeriodicJobLock
    {
        private volatile bool _held = true;

        public TaskCompletionSource Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OtherReplicaEnds() => _held = false;

        public Task<IAsyncDisposable?> TryTakeAsync(string job, CancellationToken cancellationToken)
        {
            Asked.TrySetResult();
            return Task.FromResult<IAsyncDisposable?>(_held ? null : new Released());
        }

        private sealed class Released : IAsyncDisposable
        {
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }

    private sealed record LogEntry(LogLevel Level, string Category, Exception? Exception);

    private sealed class JobHost : IAsyncDisposable
    {
        public required ServiceProvider Services { get; init; }

        public required BackgroundService Service { get; init; }

        public required AdjustableClock Clock { get; init; }

        public required Passes Passes { get; init; }

        public required ConcurrentQueue<LogEntry> Logs { get; init; }

        public static JobHost Start(Action<IServiceCollection> register, JobOptions? options = null, Func<int, CancellationToken, Task>? behaviour = null)
        {
            var clock = new AdjustableClock(TimeProvider.System);
            var passes = new Passes();
            if (behaviour is not null) passes.Behaviour = behaviour;
            var logs = new ConcurrentQueue<LogEntry>();
            var services = new ServiceCollection();
            services.AddLogging(l => l.AddProvider(new CollectingLoggerProvider(logs)));
            services.AddSingleton<TimeProvider>(clock).AddSingleton<IClockChanges>(clock);
            services.AddSingleton(passes).AddScoped<ScopedThing>();
            if (options is not null) services.AddOptions<JobOptions>().Configure(o => o.Interval = options.Interval);
            register(services);
            var provider = services.BuildServiceProvider();
            var service = (BackgroundService)provider.GetServices<IHostedService>().Single();
            service.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
            return new JobHost { Services = provider, Service = service, Clock = clock, Passes = passes, Logs = logs };
        }

        public async Task<ScopedThing> NextPassAsync() =>
            await Passes.Started.Reader.ReadAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(Patience, TestContext.Current.CancellationToken);

        public async ValueTask DisposeAsync()
        {
            await Service.StopAsync(CancellationToken.None);
            await Services.DisposeAsync();
        }
    }

    private sealed class CollectingLoggerProvider(ConcurrentQueue<LogEntry> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, logs);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<LogEntry> logs) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                logs.Enqueue(new LogEntry(logLevel, category, exception));
        }
    }
}
