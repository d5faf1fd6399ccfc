// These tests start platforms of their own (an AppHost process, a platform at two copies), so they are an assembly of
// their own: `dotnet test` runs it beside the end-to-end suite once the unit-test assemblies are done, when that suite
// is mostly waiting (outages, kills, restarts) rather than computing. Within it, one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
