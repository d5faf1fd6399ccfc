using Platform.TestSupport;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: AssemblyFixture(typeof(Platform.Events.Tests.PostgresServer))]
// Two cores and one PostgreSQL (100 connections) shared by every class: classes run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Platform.Events.Tests;

/// <summary>
/// One private PostgreSQL for the whole run, started by the AppHost's hosting code (Debian's binaries, no Docker).
/// Capacity is enforced by PostgreSQL, so these tests need the real thing, not SQLite. Each test class gets its
/// own database so classes can run side by side.
/// </summary>
public sealed class PostgresServer() : PostgresServerFixture("events", maxPoolSize: 40);
