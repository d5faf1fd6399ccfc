using Platform.TestSupport;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: AssemblyFixture(typeof(Platform.Awards.Tests.PostgresServer))]
// Two cores and one PostgreSQL (100 connections) shared by every class: classes run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Platform.Awards.Tests;

/// <summary>
/// One private PostgreSQL for the whole run, started by the AppHost's hosting code (Debian's binaries, no Docker).
/// Duplicate grouping, "score once" and "announce once" rest on PostgreSQL constraints and row locks, so these tests need the real thing, not SQLite. Each test class gets its
/// own database so classes can run side by side.
/// </summary>
public sealed class PostgresServer() : PostgresServerFixture("awards", maxPoolSize: 40);
