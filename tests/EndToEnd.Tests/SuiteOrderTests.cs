using System.Reflection;

namespace Platform.EndToEnd.Tests;

/// <summary>The lane a class runs in follows from its collection (<see cref="Lane"/>), whichever of the two a change edits.</summary>
public sealed class SuiteOrderTests
{
    [Fact]
    public void Exactly_the_classes_that_disturb_the_platform_or_start_their_own_run_in_the_disturbing_lane()
    {
        string[] laneCollections = [DisturbsPlatformCollection.Name, OwnPlatformCollection.Name];
        var testClasses = typeof(SuiteOrder).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()))
            .ToList();

        var wrong = testClasses
            .Where(t => laneCollections.Contains(t.GetCustomAttribute<CollectionAttribute>()?.Name)
                != t.GetCustomAttributes<TraitAttribute>().Any(a => a is { Name: Lane.Trait, Value: Lane.Disturbing }))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(testClasses.Count > 50, $"found only {testClasses.Count} test classes");
        Assert.True(wrong.Count == 0, $"collection and lane disagree: {string.Join(", ", wrong)}");
    }
}
