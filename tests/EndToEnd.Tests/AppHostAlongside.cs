namespace Platform.EndToEnd.Tests;

/// <summary>
/// The AppHost process scenario (<see cref="AppHostProcessTests"/>: two whole platforms started, one SIGKILLed, one
/// stopped by Ctrl+C) run beside the disturbing tests rather than after them. Those mostly wait out an outage, a restart
/// or a moved clock with a core idle, and the scenario's two starts are the run's longest stretch of CPU: measured
/// one after the other they took about 130 s of a 20-minute budget. The scenario starts with the first disturbing test,
/// the tests whose fault must land inside a window of seconds wait until it has ended, and the AppHost process test
/// reports its outcome. A run without the AppHost process test (a developer's selection) does not start it; a run of that
/// test alone runs it there.
/// </summary>
public static class AppHostAlongside
{
    private static readonly Lock Gate = new();
    private static Task? _scenario;

    /// <summary>Set by <see cref="SuiteOrder"/> when this run holds <see cref="AppHostProcessCollection"/>.</summary>
    internal static bool Expected { get; set; }

    /// <summary>The scenario's outcome: started now if nothing started it before.</summary>
    internal static Task OutcomeAsync()
    {
        lock (Gate) return _scenario ??= Task.Run(AppHostProcessTests.SigkillThenCtrlCScenarioAsync);
    }

    /// <summary>Starts the scenario beside <see cref="DisturbsPlatformCollection"/>, in a run that has its test.</summary>
    public sealed class Starter : IAsyncLifetime
    {
        public ValueTask InitializeAsync()
        {
            if (Expected) _ = OutcomeAsync();
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Holds <see cref="FaultWindowCollection"/> until the scenario has ended (its outcome is the test's to report).</summary>
    public sealed class Finisher : IAsyncLifetime
    {
        public async ValueTask InitializeAsync()
        {
            Task? scenario;
            lock (Gate) scenario = _scenario;
            if (scenario is not null) await scenario.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
