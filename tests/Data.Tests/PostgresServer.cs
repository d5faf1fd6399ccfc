using Platform.TestSupport;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: AssemblyFixture(typeof(Platform.Data.Tests.PostgresServer))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Platform.Data.Tests;

/// <summary>One private PostgreSQL for the run; each test class makes its own database on it.</summary>
public sealed class PostgresServer() : PostgresServerFixture("data", maxPoolSize: 8);
