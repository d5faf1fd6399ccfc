namespace Platform.ServiceDefaults.Jobs;

/// <summary>
/// Makes a job's pass run on one replica at a time: with several copies of a service, each one's
/// <see cref="PeriodicJobService{TJob}"/> asks before every pass and, when another copy holds it,
/// asks again every <see cref="PeriodicJobExtensions.HeldElsewhereRetry"/> and runs its pass once it has it. The
/// service's database provides it (Platform.Data's PostgreSQL advisory lock); without one registered, passes just run.
/// </summary>
public interface IPeriodicJobLock
{
    /// <summary>The lock on <paramref name="job"/>, released when disposed; null when another replica holds it.</summary>
    Task<IAsyncDisposable?> TryTakeAsync(string job, CancellationToken cancellationToken);
}
