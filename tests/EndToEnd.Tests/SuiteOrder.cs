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
/// Every class is a collection of its own, except two kinds that run after the others, each kind in one collection:
/// <see cref="DisturbsPlatformCollection"/>, then <see cref="OwnPlatformCollection"/> last, when the other test
/// assemblies have finished (two platforms starting on a busy two-core machine is what stalled CI once). So a test that
/// disturbs the platform never runs before one that only adds its own data, whichever of them a change adds.
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
/// hours or more (which sends every other test's waiting reminders, lapses and closing dates early). They run after the
/// tests that only add data of their own. A test that moves a clock by seconds, or only reads it, need not be here.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DisturbsPlatformCollection : ICollectionFixture<DisturbingTestsStarted>
{
    public const string Name = "Tests that disturb the shared platform";
}

/// <summary>
/// Made when the disturbing tests begin (after every test that only adds data): writes the file that
/// <c>PLATFORM_TEST_PHASE_FILE</c> names, if any, for `./platform test` to start the own-platform lane (<see cref="Lane"/>).
/// </summary>
public sealed class DisturbingTestsStarted
{
    public DisturbingTestsStarted()
    {
        if (Environment.GetEnvironmentVariable("PLATFORM_TEST_PHASE_FILE") is { Length: > 0 } file) File.WriteAllText(file, "disturbing\n");
    }
}

/// <summary>
/// Tests that start a platform of their own (an AppHost process, a platform at two replicas): they run last. As an
/// assembly of their own beside the disturbing tests (tried 2026-12-01) the run was about 3 minutes shorter, but their
/// starts slowed the platform under test enough to break a fault test's timing (a fan-out finished before its restart).
/// Tried again the same day, once the unit tests had got quicker, that assembly began while this suite's browser tests
/// still ran, and the whole run took 30 minutes instead of 24: on two busy cores, the own platforms' starts only move
/// CPU work about. A third try, the same day, held that assembly back until this suite reached its disturbing tests (a
/// file naming the suite's phase): this suite took 25 minutes instead of 33, but the own-platform assembly then ran 11
/// more beside and after it, with both cores busy until the 27th minute: little gained for a second assembly to keep.
/// A fourth try (2026-12-01, one assembly): the two-replica platform started in the background when the disturbing tests
/// began, since they mostly wait. Its start was hidden, but its start and its idle copies slowed the disturbing tests by
/// about 100 s: the suite took 25.5 minutes either way. A fifth try (2026-12-01): the disturbing and own-platform tests in
/// a test process of their own, on a platform of their own, from the start, first in CPU priority (everything else at
/// nice 5). Both cores stayed busy the whole run and those tests ran at half speed: they are not idle waits but about a
/// core of work (restarts, fan-outs, a browser), so the run was on course for 28 minutes and was stopped. A sixth try,
/// the same day: only these tests in a process of their own, started when the suite reached its disturbing tests (the
/// cores were 40-70 % idle through those). The run took 20.7 and 21.0 minutes instead of 23.8, but each of the two runs
/// had a test fail on the shared CPU (a stopped sink restarted, fixed since; a replica kill's embargo sweep past 90 s).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OwnPlatformCollection
{
    public const string Name = "Tests that start a platform of their own";
}

/// <summary>
/// The own-platform tests' lane in `./platform test`: the classes of <see cref="OwnPlatformCollection"/> carry this
/// trait and run in a test process of their own, which starts when the shared platform's suite reaches its disturbing
/// tests (<see cref="DisturbingTestsStarted"/>) and does not start the shared platform. Those tests mostly wait on
/// outages, restarts and leases: measured on 2026-12-01, the cores were 40-70 % idle through them, while the own-platform
/// tests after them took four and a half minutes. <see cref="LaneTests"/> checks that trait and collection agree.
/// </summary>
public static class Lane
{
    public const string Trait = "Lane";
    public const string OwnPlatform = "OwnPlatform";
}
