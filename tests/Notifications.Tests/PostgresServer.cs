using Platform.TestSupport;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: AssemblyFixture(typeof(Platform.Notifications.Tests.PostgresServer))]
// Two cores and one PostgreSQL shared by every class: classes run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Platform.Notifications.Tests;

/// <summary>
/// One private PostgreSQL for the whole run, started by the AppHost's hosting code (Debian's binaries, no Docker).
/// The delivery queue (SKIP LOCKED claims), the fan-out (INSERT … SELECT … ON CONFLICT) and the digests are SQL that
/// only PostgreSQL runs, so these tests need the real thing. Each factory gets a database of its own.
/// </summary>
public sealed class PostgresServer() : PostgresServerFixture("notifications", maxPoolSize: 20)
{
    private static PostgresServer? _instance;

    /// <summary>The run's server, for factories created without one passed in.</summary>
    public static PostgresServer Instance => _instance ?? throw new InvalidOperationException("The PostgreSQL fixture has not started.");

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _instance = this;
    }
}
