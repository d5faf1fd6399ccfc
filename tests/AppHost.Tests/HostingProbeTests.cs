using System.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.AppHost.Hosting;

namespace Platform.AppHost.Tests;

public sealed class HostingProbeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("outputs-").FullName;

    [Fact]
    public async Task A_polled_check_answers_as_soon_as_the_probe_succeeds()
    {
        var calls = 0;
        var clock = Stopwatch.StartNew();

        var result = await PolledHealthChecks.PollAsync(_ => Task.FromResult(++calls < 3 ? HealthCheckResult.Unhealthy("not yet") : HealthCheckResult.Healthy()),
            TimeProvider.System, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(3, calls);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_polled_check_gives_up_with_the_last_answer_when_its_window_has_passed()
    {
        var calls = 0;

        var result = await PolledHealthChecks.PollAsync(_ => Task.FromResult(HealthCheckResult.Unhealthy($"attempt {++calls}")),
            TimeProvider.System, TimeSpan.FromMilliseconds(450), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.InRange(calls, 2, 5);
        Assert.Equal($"attempt {calls}", result.Description);
    }

    [Fact]
    public void A_project_starts_as_the_program_its_build_recorded_and_only_if_that_program_is_there()
    {
        var project = Path.Combine(_folder, "Events", "Events.csproj");
        var output = Path.Combine(_folder, "Events", "bin", "Debug", "net10.0");
        Directory.CreateDirectory(output);
        var outputs = new Dictionary<string, string> { [project] = Path.Combine(output, "Events.dll") };

        Assert.Null(BuildOutputLaunch.Program(outputs, project)); // recorded, not built
        File.WriteAllText(Path.Combine(output, "Events"), "");
        Assert.Equal(Path.Combine(output, "Events"), BuildOutputLaunch.Program(outputs, project));
        Assert.Null(BuildOutputLaunch.Program(outputs, Path.Combine(_folder, "Other", "Other.csproj"))); // never recorded
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
