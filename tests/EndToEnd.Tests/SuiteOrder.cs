using Xunit.Sdk;
using Xunit.v3;

[assembly: TestCollectionOrderer(typeof(Platform.EndToEnd.Tests.SuiteOrder))]
[assembly: TestCaseOrderer(typeof(Platform.EndToEnd.Tests.SuiteOrder))]

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The suite runs in one fixed order, by name, wherever it runs. xUnit's default order sorts by ids hashed from the
/// assembly's path, so a clone in another folder (CI's) ran the tests in an order never run here. The tests that start
/// a platform of their own run last: the other test assemblies run beside this one at first, and two platforms
/// starting on a busy two-core machine is what stalled CI.
/// </summary>
public sealed class SuiteOrder : ITestCollectionOrderer, ITestCaseOrderer
{
    public IReadOnlyCollection<TTestCollection> OrderTestCollections<TTestCollection>(IReadOnlyCollection<TTestCollection> testCollections)
        where TTestCollection : ITestCollection =>
        [.. testCollections
            .OrderBy(c => c.TestCollectionDisplayName == OwnPlatformCollection.Name)
            .ThenBy(c => c.TestCollectionDisplayName, StringComparer.Ordinal)];

    public IReadOnlyCollection<TTestCase> OrderTestCases<TTestCase>(IReadOnlyCollection<TTestCase> testCases)
        where TTestCase : notnull, ITestCase =>
        [.. testCases.OrderBy(c => c.TestClassName, StringComparer.Ordinal).ThenBy(c => c.TestCaseDisplayName, StringComparer.Ordinal)];
}

/// <summary>Tests that start a platform of their own (an AppHost process, a platform at two replicas): they run last.</summary>
[CollectionDefinition(Name)]
public sealed class OwnPlatformCollection
{
    public const string Name = "Tests that start a platform of their own";
}
