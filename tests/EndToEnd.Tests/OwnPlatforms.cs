namespace Platform.EndToEnd.Tests;

/// <summary>
/// The tests that start platforms of their own rather than use the shared one: they take turns among themselves and run
/// beside the shared platform's tests (which take turns in the assembly's one collection), so the minutes they spend
/// starting and stopping whole platforms are not added to the run's.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OwnPlatforms
{
    public const string Name = "Platforms of their own";
}
