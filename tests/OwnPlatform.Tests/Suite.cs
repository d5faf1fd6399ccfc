// These tests start platforms of their own (an AppHost process, a platform at two copies), so they are an assembly of
// their own: `dotnet test` runs it beside the end-to-end suite once the unit-test assemblies are done, and it waits for
// that suite to reach its disturbing tests, which mostly wait (outages, kills, restarts) rather than compute
// (SuitePhase). Within it, one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: AssemblyFixture(typeof(Platform.OwnPlatform.Tests.AfterTheQuietTests))]

namespace Platform.OwnPlatform.Tests;

/// <summary>Holds this assembly back while an end-to-end suite beside it runs its quiet tests (<see cref="EndToEnd.Tests.SuitePhase"/>).</summary>
public sealed class AfterTheQuietTests : IAsyncLifetime
{
    public async ValueTask InitializeAsync() =>
        await EndToEnd.Tests.SuitePhase.WaitUntilPastQuietTestsAsync(TimeSpan.FromMinutes(8), TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
