using System.Diagnostics;
using Platform.AppHost.Hosting;
using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Tests;

/// <summary>
/// The script RabbitMQ runs under (epmd beside the node): its exit code is what tells the platform a crash from a stop.
/// Debian's rabbitmq-server ends with 0 whatever ended its node; here a stand-in server does the same.
/// </summary>
public sealed class BrokerNodeScriptTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("broker-home-").FullName;

    [Fact]
    public async Task A_node_that_ends_by_itself_with_0_ends_the_script_with_1_a_crash()
    {
        using var script = Start("exit 0");

        Assert.Equal(1, await ExitCodeAsync(script));
        Assert.False(File.Exists(Path.Combine(_home, "epmd.pid")));
    }

    [Fact]
    public async Task A_node_that_fails_keeps_its_own_exit_code()
    {
        using var script = Start("exit 3");

        Assert.Equal(3, await ExitCodeAsync(script));
    }

    [Fact]
    public async Task A_node_asked_to_stop_ends_the_script_with_its_0()
    {
        // As Debian's script does on SIGTERM: stops the node, then exits 0.
        using var script = Start("trap 'exit 0' TERM; while :; do sleep 0.1; done");
        // The stop is sent once the script catches SIGTERM (its trap, set right after it starts the node), not at a guess.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!CatchesTerm(script.Id) && DateTime.UtcNow < deadline) await Task.Delay(20, TestContext.Current.CancellationToken);

        using (var term = Process.Start("/bin/kill", ["-TERM", script.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) await term.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, await ExitCodeAsync(script));
    }

    private Process Start(string server)
    {
        var info = new ProcessStartInfo("/bin/sh", ["-c", RabbitMQBuilderExtensions.NodeWithOwnEpmdShell, "rabbitmq-with-epmd", "/bin/sh", "-c", server]);
        info.Environment["HOME"] = _home;
        info.Environment["ERL_EPMD_PORT"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Process.Start(info)!;
    }

    /// <summary>Whether the process has a handler for SIGTERM (15): bit 14 of SigCgt in /proc/PID/status.</summary>
    private static bool CatchesTerm(int pid)
    {
        var caught = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("SigCgt:", StringComparison.Ordinal))["SigCgt:".Length..].Trim();
        return (Convert.ToUInt64(caught, 16) & (1UL << 14)) != 0;
    }

    private static async Task<int> ExitCodeAsync(Process script)
    {
        await script.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        return script.ExitCode;
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
