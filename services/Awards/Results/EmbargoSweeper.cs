using Platform.ServiceDefaults.Jobs;

namespace Platform.Awards.Results;

/// <summary>
/// Lifts embargoes when ceremonies start, a periodic job every EmbargoSweepInterval. Reads the clock afresh each pass;
/// safe to run in every replica because <see cref="WinnersAnnouncement"/> announces each programme once whoever gets
/// there first.
/// </summary>
public sealed class EmbargoSweeper(IServiceScopeFactory scopes) : IPeriodicJob
{
    public Task RunAsync(CancellationToken cancellationToken) => SweepOnceAsync(scopes, cancellationToken);

    /// <returns>How many programmes this pass announced.</returns>
    public static async Task<int> SweepOnceAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await scope.ServiceProvider.GetRequiredService<WinnersAnnouncement>().DueAsync(ct);

        var announced = 0;
        foreach (var programmeId in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<WinnersAnnouncement>().TryAnnounceAsync(programmeId, byHand: false, ct)) announced++;
        }
        return announced;
    }
}
