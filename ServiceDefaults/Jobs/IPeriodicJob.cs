namespace Platform.ServiceDefaults.Jobs;

/// <summary>
/// One pass of a service's time-driven work (<see cref="PeriodicJobExtensions.AddPeriodicJob{TJob}(Microsoft.Extensions.DependencyInjection.IServiceCollection, TimeSpan)"/>).
/// Resolved from a fresh scope for every pass, so it may take scoped services (a DbContext). A pass reads the clock
/// afresh and claims its rows in the database, so a pass run twice, or by two replicas at once, does its work once.
/// </summary>
public interface IPeriodicJob
{
    Task RunAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Ends a job's wait before its interval when there is work (a place freed), so latency is not bound to the interval.
/// A singleton; its shape is <c>Platform.Messaging.WakeSignal</c>'s, which a signal deriving from it implements as is.
/// </summary>
public interface IWakesPeriodicJob
{
    /// <summary>Returns when woken or after <paramref name="timeout"/>, whichever comes first.</summary>
    Task WaitAsync(TimeSpan timeout, TimeProvider timeProvider, CancellationToken cancellationToken);
}
