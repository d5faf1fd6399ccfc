namespace Platform.EndToEnd.Tests.Replicas;

/// <summary>
/// A second platform for the replica tests, as `./platform up --replicas 2` runs it: two copies of each service, the
/// gateway and the site behind the same addresses. Started only when a test in <see cref="TwoReplicaTests"/> runs.
/// Without the dashboard: these tests read no telemetry (TraceTests read the shared platform's), and twelve projects
/// exporting theirs cost the run CPU for nothing.
/// </summary>
public sealed class TwoReplicaPlatform(PlatformFixture shared) : PlatformFixture(replicas: 2, telemetry: false)
{
    /// <summary>
    /// Stops the shared platform as this one starts: these tests run last (SuiteOrder), and its idle processes (each
    /// service's polls, DCP, the dashboard) took about a quarter of a core from this platform's start and its tests.
    /// </summary>
    public override async ValueTask InitializeAsync()
    {
        var stopping = shared.StopAsync();
        await base.InitializeAsync();
        await stopping;
    }
}
