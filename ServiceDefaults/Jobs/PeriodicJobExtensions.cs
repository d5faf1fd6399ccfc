using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Jobs;

public static class PeriodicJobExtensions
{
    /// <summary>
    /// How often a replica that found its job's lock held by another asks again: the longest a pass waits after the
    /// holder's pass ends, or after the holder dies (its lock goes with its database session).
    /// </summary>
    public static readonly TimeSpan HeldElsewhereRetry = TimeSpan.FromSeconds(1);

    /// <summary>The wait after a failed pass, doubled with each further failure in a row up to the job's interval.</summary>
    public static readonly TimeSpan FailedPassRetry = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs <typeparamref name="TJob"/> at start and then every <paramref name="interval"/>, or at once when a test
    /// platform moves the clock: one scope per pass, a failed pass logged and retried on the next.
    /// </summary>
    public static PeriodicJob<TJob> AddPeriodicJob<TJob>(this IServiceCollection services, TimeSpan interval)
        where TJob : class, IPeriodicJob
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return services.AddPeriodicJob<TJob>(_ => interval);
    }

    /// <summary>As <see cref="AddPeriodicJob{TJob}(IServiceCollection, TimeSpan)"/>, every interval the service's options say (read before each wait).</summary>
    public static PeriodicJob<TJob> AddPeriodicJob<TJob, TOptions>(this IServiceCollection services, Func<TOptions, TimeSpan> interval)
        where TJob : class, IPeriodicJob where TOptions : class =>
        services.AddPeriodicJob<TJob>(provider => interval(provider.GetRequiredService<IOptions<TOptions>>().Value));

    /// <summary>Leaves <typeparamref name="TJob"/> registered but not running, for tests that run its passes by hand.</summary>
    public static IServiceCollection RemovePeriodicJob<TJob>(this IServiceCollection services) where TJob : class, IPeriodicJob
    {
        services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(PeriodicJobService<TJob>)));
        return services;
    }

    private static PeriodicJob<TJob> AddPeriodicJob<TJob>(this IServiceCollection services, Func<IServiceProvider, TimeSpan> interval)
        where TJob : class, IPeriodicJob
    {
        var job = new PeriodicJob<TJob>(interval);
        services.AddSingleton(job);
        services.TryAddScoped<TJob>();
        services.AddHostedService<PeriodicJobService<TJob>>();
        return job;
    }
}

/// <summary>How <typeparamref name="TJob"/> is scheduled; <see cref="PeriodicJobExtensions.AddPeriodicJob{TJob}(IServiceCollection, TimeSpan)"/> returns it for the rest.</summary>
public sealed class PeriodicJob<TJob> where TJob : class, IPeriodicJob
{
    internal PeriodicJob(Func<IServiceProvider, TimeSpan> interval) => Interval = interval;

    internal Func<IServiceProvider, TimeSpan> Interval { get; }

    internal Type? WakeSignal { get; private set; }

    /// <summary>Also runs a pass as soon as <typeparamref name="TSignal"/> (a registered singleton) is woken.</summary>
    public PeriodicJob<TJob> WakenBy<TSignal>() where TSignal : class, IWakesPeriodicJob
    {
        WakeSignal = typeof(TSignal);
        return this;
    }
}
