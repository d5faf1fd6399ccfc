using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Tests;

public sealed class ProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pids-").FullName;

    [Fact]
    public async Task A_child_runs_in_its_own_group_and_stopping_ends_what_it_spawned()
    {
        var lines = new List<string>();
        var process = ManagedProcess.Start(new ProcessSpec("/bin/sh", ["-c", "echo ready; sleep 300 & sleep 300 & wait"]), (l, _) => { lock (lines) lines.Add(l); });
        await WaitUntilAsync(() => { lock (lines) return lines.Contains("ready"); });
        Assert.True(Signals.GroupAlive(process.Pid));

        await process.StopAsync(Signals.SIGTERM, TimeSpan.FromSeconds(5));

        Assert.False(Signals.GroupAlive(process.Pid));
        Assert.True(process.Exited.IsCompleted);
    }

    [Fact]
    public async Task Stale_groups_recorded_by_a_run_that_died_are_ended_and_forgotten()
    {
        var registry = new PidRegistry(_folder);
        var orphan = ManagedProcess.Start(new ProcessSpec("/bin/sleep", ["300"]), (_, _) => { });
        registry.Record("orphan", orphan.Pid);

        var ended = new PidRegistry(_folder).KillStale();

        Assert.Equal(["orphan"], ended);
        await orphan.Exited.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_recycled_pid_that_is_not_ours_is_left_alone()
    {
        var unrelated = ManagedProcess.Start(new ProcessSpec("/bin/sleep", ["300"]), (_, _) => { });
        // The group exists once setsid has run in the child, a moment after Start returns.
        await WaitUntilAsync(() => Signals.GroupAlive(unrelated.Pid));
        // Recorded with another start time: the pid now belongs to a process that is not the one we started.
        File.WriteAllText(Path.Combine(_folder, "old.pid"), $"{unrelated.Pid} 1");

        Assert.Empty(new PidRegistry(_folder).KillStale());
        Assert.True(Signals.GroupAlive(unrelated.Pid));
        await unrelated.KillGroupAsync();
    }

    [Fact]
    public void Free_ports_are_never_handed_out_twice_and_stay_out_of_the_ephemeral_range()
    {
        var ephemeralStart = int.Parse(File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0]);
        var ports = Enumerable.Range(0, 50).Select(_ => FreePort.Next()).ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
        // Outgoing connections take their source ports from the ephemeral range; a server's port must not be there.
        Assert.All(ports, p => Assert.InRange(p, 10000, ephemeralStart - 1));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.True(condition());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
