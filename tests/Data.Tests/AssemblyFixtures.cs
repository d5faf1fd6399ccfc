[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: AssemblyFixture(typeof(PostgresServer))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
