namespace Platform.EndToEnd.Tests.Replicas;

/// <summary>
/// A second platform for the replica tests, as `./platform up --replicas 2` runs it: two copies of each service, the
/// gateway and the site behind the same addresses. Started only when a test in <see cref="TwoReplicaTests"/> runs.
/// Without the dashboard: these tests read no telemetry (TraceTests read the shared platform's), and twelve projects
/// exporting theirs cost the run CPU for nothing.
/// </summary>
public sealed class TwoReplicaPlatform() : PlatformFixture(replicas: 2, telemetry: false);
