using System.Diagnostics;

[assembly: AssemblyFixture(typeof(Platform.EndToEnd.Tests.SuitePhase))]

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Where this suite is, for tests/OwnPlatform.Tests, which `dotnet test` runs beside it: a file naming this process and
/// its phase. The tests before the disturbing ones keep both cores busy (the browser, the services, the unit tests);
/// the disturbing ones mostly wait on outages and restarts, so that is when the own platforms' starts cost the least.
/// Started while the browser tests ran, they made the whole run six minutes longer (tried 2026-12-01).
/// </summary>
public sealed class SuitePhase : IAsyncLifetime
{
    private const string Quiet = "quiet";
    private const string Disturbing = "disturbing";

    private static string PhaseFile => Path.Combine(PlatformFixture.TestRunsDirectory, "end-to-end-phase");

    public ValueTask InitializeAsync()
    {
        Enter(Quiet);
        return ValueTask.CompletedTask;
    }

    /// <summary>The suite has reached the tests that disturb the shared platform (<see cref="DisturbsPlatformCollection"/>).</summary>
    internal static void EnterDisturbing() => Enter(Disturbing);

    /// <summary>
    /// Returns once no end-to-end suite is running its quiet tests (none running, or it has reached its disturbing
    /// ones), or after <paramref name="patience"/>: kept under the run's hang guard (--blame-hang-timeout 10m), which
    /// counts from the assembly's start.
    /// </summary>
    public static async Task WaitUntilPastQuietTestsAsync(TimeSpan patience, CancellationToken cancellationToken)
    {
        var until = Stopwatch.StartNew();
        while (until.Elapsed < patience && InQuietTests()) await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            File.Delete(PhaseFile);
        }
        catch (IOException)
        {
            // Another run's, or gone already.
        }

        return ValueTask.CompletedTask;
    }

    private static void Enter(string phase)
    {
        Directory.CreateDirectory(PlatformFixture.TestRunsDirectory);
        File.WriteAllText(PhaseFile, $"{Environment.ProcessId} {phase}");
    }

    private static bool InQuietTests()
    {
        string[] parts;
        try
        {
            parts = File.ReadAllText(PhaseFile).Split(' ');
        }
        catch (IOException)
        {
            return false;
        }

        // A suite that died without tidying up is not waited for.
        return parts is [var pid, Quiet] && int.TryParse(pid, out var id) && Directory.Exists($"/proc/{id}");
    }
}

/// <summary>Marks the suite's move to its disturbing tests when the first of them starts.</summary>
public sealed class DisturbingPhase
{
    public DisturbingPhase() => SuitePhase.EnterDisturbing();
}
