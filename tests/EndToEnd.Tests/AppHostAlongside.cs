using Platform.EndToEnd.Tests.Replicas;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The platforms of the last tests started beside the disturbing tests rather than after them. Those mostly wait out an
/// outage, a restart or a moved clock with a core idle, while a platform's start is the run's densest CPU: the AppHost
/// process scenario (<see cref="AppHostProcessTests"/>: two whole platforms, one SIGKILLed, one stopped by Ctrl+C) took
/// about 130 s one after the other, the two-replica platform's start (<see cref="TwoReplicaPlatform"/>) about 65 s. They
/// start one after the other with the first disturbing test; the tests whose fault must land inside a window of seconds
/// (<see cref="FaultWindowCollection"/>) wait until both have finished; the AppHost process test reports the scenario's
/// outcome and the replica tests use the platform already started. A run without those tests (a developer's selection)
/// starts neither; a run of one of them alone starts it there.
/// </summary>
public static class AppHostAlongside
{
    private static readonly Lock Gate = new();
    private static Task? _scenario;
    private static Task? _alongside;

    /// <summary>Set by <see cref="SuiteOrder"/> when this run holds <see cref="AppHostProcessCollection"/>.</summary>
    internal static bool ScenarioExpected { get; set; }

    /// <summary>Set by <see cref="SuiteOrder"/> when this run holds <see cref="OwnPlatformCollection"/> (the replica tests).</summary>
    internal static bool ReplicasExpected { get; set; }

    /// <summary>The scenario's outcome: started now if nothing started it before.</summary>
    internal static Task OutcomeAsync()
    {
        lock (Gate) return _scenario ??= Task.Run(AppHostProcessTests.SigkillThenCtrlCScenarioAsync);
    }

    private static async Task RunAlongsideAsync()
    {
        // Each outcome is its test's to report; here only the order matters.
        if (ScenarioExpected) await OutcomeAsync().ContinueWith(_ => { }, TaskScheduler.Default);
        if (ReplicasExpected) await TwoReplicaPlatform.StartEarly().ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Starts them beside <see cref="DisturbsPlatformCollection"/>.</summary>
    public sealed class Starter : IAsyncLifetime
    {
        public ValueTask InitializeAsync()
        {
            lock (Gate) _alongside ??= Task.Run(RunAlongsideAsync);
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Holds <see cref="FaultWindowCollection"/> until what started beside the disturbing tests has finished.</summary>
    public sealed class Finisher : IAsyncLifetime
    {
        public async ValueTask InitializeAsync()
        {
            Task? alongside;
            lock (Gate) alongside = _alongside;
            if (alongside is not null) await alongside;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
