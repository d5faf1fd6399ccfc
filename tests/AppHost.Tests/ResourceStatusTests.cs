using Platform.AppHost.Hosting.ApplicationModel;

namespace Platform.AppHost.Tests;

public sealed class ResourceStatusTests
{
    [Fact]
    public async Task Every_change_wakes_whoever_waits_for_one()
    {
        var status = new ResourceStatus();
        var changed = status.Changed;
        Assert.False(changed.IsCompleted);

        status.Set(ResourceState.Starting);
        await changed.WaitAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.False(status.Changed.IsCompleted);
    }

    [Fact]
    public void Running_and_healthy_only_when_both_and_terminal_states_clear_the_pid()
    {
        var status = new ResourceStatus();
        status.Set(ResourceState.Running, at: DateTimeOffset.UnixEpoch);
        status.SetPid(42);
        Assert.False(status.IsRunningAndHealthy);

        status.SetHealth(HealthStatus.Healthy);
        Assert.True(status.IsRunningAndHealthy);

        status.Set(ResourceState.Exited, "exited with code 1", exitCode: 1, at: DateTimeOffset.UnixEpoch);
        Assert.True(status.IsTerminal);
        Assert.False(status.IsRunningAndHealthy);
        Assert.Null(status.Pid);
        Assert.Equal(1, status.ExitCode);
    }
}
