namespace Platform.EndToEnd.Tests.Replicas;

/// <summary>
/// A second platform for the replica tests, as `./platform up --replicas 2` runs it: two copies of each service, the
/// gateway and the site behind the same addresses. Started beside the disturbing tests in a run that has the replica
/// tests (<see cref="AppHostAlongside"/>), else when a test in <see cref="TwoReplicaTests"/> runs.
/// Without the dashboard: these tests read no telemetry (TraceTests read the shared platform's), and twelve projects
/// exporting theirs cost the run CPU for nothing.
/// </summary>
public sealed class TwoReplicaPlatform() : PlatformFixture(replicas: 2, telemetry: false)
{
    private static readonly Lock Gate = new();
    private static Task<TwoReplicaPlatform>? _early;

    /// <summary>Starts the platform ahead of its tests (once); the tests' fixture takes it over.</summary>
    internal static Task<TwoReplicaPlatform> StartEarly()
    {
        lock (Gate)
        {
            return _early ??= Task.Run(async () =>
            {
                var platform = new TwoReplicaPlatform();
                await platform.StartAsync(CancellationToken.None);
                return platform;
            });
        }
    }

    public override async ValueTask InitializeAsync()
    {
        Task<TwoReplicaPlatform>? early;
        lock (Gate) early = _early;
        if (early is null) await base.InitializeAsync();
        else TakeOver(await early);
    }
}
