using System.Reflection;

namespace Platform.EndToEnd.Tests;

/// <summary>The own-platform lane follows from the collection (<see cref="Lane"/>), whichever of the two a change edits.</summary>
public sealed class LaneTests
{
    [Fact]
    public void Exactly_the_classes_that_start_a_platform_of_their_own_carry_the_own_platform_lane()
    {
        var testClasses = typeof(SuiteOrder).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()))
            .ToList();

        var wrong = testClasses
            .Where(t => (t.GetCustomAttribute<CollectionAttribute>()?.Name == OwnPlatformCollection.Name)
                != t.GetCustomAttributes<TraitAttribute>().Any(a => a is { Name: Lane.Trait, Value: Lane.OwnPlatform }))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(testClasses.Count > 50, $"found only {testClasses.Count} test classes");
        Assert.True(wrong.Count == 0, $"collection and lane disagree: {string.Join(", ", wrong)}");
    }
}
