namespace Platform.EndToEnd.Tests.Replicas;

/// <summary>
/// A second platform for the replica tests, as `./platform up --replicas 2` runs it: two copies of each service, the
/// gateway and the site behind the same addresses. Started only when a test in <see cref="TwoReplicaTests"/> runs.
/// </summary>
public sealed class TwoReplicaPlatform() : PlatformFixture(replicas: 2);
