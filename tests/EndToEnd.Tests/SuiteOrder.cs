using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(Platform.EndToEnd.Tests.SuiteOrder))]
[assembly: TestCaseOrderer(typeof(Platform.EndToEnd.Tests.SuiteOrder))]
// One test at a time. Four at once (each class beside the others, the disturbing ones alone after them) was tried on
// 2026-12-01: the run was no shorter, since the platform, the browser and the other test assemblies already keep both
// cores busy, and tests starved of CPU met the gateway's 503 for a service whose liveness probe had timed out.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The suite runs in one fixed order, by name, wherever it runs. xUnit's default order sorts by ids hashed from the
/// assembly's path, so a clone in another folder (CI's) ran the tests in an order never run here.
/// <para>
/// Every class is a collection of its own, except the tests in <see cref="DisturbsPlatformCollection"/>, which run after
/// the others. So a test that disturbs the platform never runs before one that only adds its own data, whichever of them
/// a change adds. Tests that start a platform of their own are another assembly (tests/OwnPlatform.Tests), which waits
/// for this suite to reach its disturbing tests (<see cref="SuitePhase"/>).
/// </para>
/// </summary>
public sealed class SuiteOrder : ITestCollectionOrderer, ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        [.. testCollections
            .OrderBy(c => c.TestCollectionDisplayName == DisturbsPlatformCollection.Name ? 1 : 0)
            .ThenBy(c => c.TestCollectionDisplayName, StringComparer.Ordinal)];

    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase =>
        [.. testCases.OrderBy(c => c.TestClassName, StringComparer.Ordinal).ThenBy(c => c.TestCaseDisplayName, StringComparer.Ordinal)];
}

/// <summary>
/// Tests that disturb the shared platform: they stop, kill or restart one of its parts, or move a service's clock by
/// hours or more (which sends every other test's waiting reminders, lapses and closing dates early). They run after the
/// tests that only add data of their own. A test that moves a clock by seconds, or only reads it, need not be here.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DisturbsPlatformCollection : ICollectionFixture<DisturbingPhase>
{
    public const string Name = "Tests that disturb the shared platform";
}
