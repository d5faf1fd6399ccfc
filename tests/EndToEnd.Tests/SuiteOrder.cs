using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(Platform.EndToEnd.Tests.SuiteOrder))]
[assembly: TestCaseOrderer(typeof(Platform.EndToEnd.Tests.SuiteOrder))]
// Most of a test's time is spent waiting for an email or a background pass, so four at once keep two cores busy.
[assembly: CollectionBehavior(MaxParallelThreads = 4)]

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The suite runs in one fixed order, by name, wherever it runs. xUnit's default order sorts by ids hashed from the
/// assembly's path, so a clone in another folder (CI's) ran the tests in an order never run here.
/// <para>
/// Every class is a collection of its own and runs beside the others, except two kinds that xUnit runs alone after
/// them (their collections disable parallelization): <see cref="DisturbsPlatformCollection"/>, then
/// <see cref="OwnPlatformCollection"/> last, when the other test assemblies have finished (two platforms starting on
/// a busy two-core machine is what stalled CI once).
/// </para>
/// </summary>
public sealed class SuiteOrder : ITestCollectionOrderer, ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        [.. testCollections
            .OrderBy(c => c.TestCollectionDisplayName switch
            {
                DisturbsPlatformCollection.Name => 1,
                OwnPlatformCollection.Name => 2,
                _ => 0,
            })
            .ThenBy(c => c.TestCollectionDisplayName, StringComparer.Ordinal)];

    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase =>
        [.. testCases.OrderBy(c => c.TestClassName, StringComparer.Ordinal).ThenBy(c => c.TestCaseDisplayName, StringComparer.Ordinal)];
}

/// <summary>
/// Tests that disturb the shared platform: they stop, kill or restart one of its parts, or move a service's clock by
/// hours or more (which sends every other test's waiting reminders, lapses and closing dates early). They run one at a
/// time, after the tests that run side by side. A test that moves a clock by seconds, or only reads it, need not be here.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DisturbsPlatformCollection
{
    public const string Name = "Tests that disturb the shared platform";
}

/// <summary>Tests that start a platform of their own (an AppHost process, a platform at two replicas): they run last.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OwnPlatformCollection
{
    public const string Name = "Tests that start a platform of their own";
}
