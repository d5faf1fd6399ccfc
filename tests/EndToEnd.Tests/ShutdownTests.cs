using Platform.AppHost.Hosting;
using Platform.AppHost.Hosting.ApplicationModel;
using Platform.AppHost.Hosting.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>Stopping leaves no process behind; a run after a crash ends what the crashed run left.</summary>
public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_ends_every_server_and_everything_they_spawned()
    {
        var builder = DistributedApplicationTestingBuilder.CreateBuilder();
        builder.AddRabbitMQ("messaging");
        builder.AddPostgres("postgres").AddDatabase("somedb");
        builder.AddSmtpSink("mail");
        // A child that forks grandchildren, as the Erlang VM and postgres do.
        builder.AddExecutable("spawner", "/bin/sh", "-c", "sleep 300 & sleep 300 & wait");
        var app = builder.Build();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await app.StartAsync(timeout.Token);
        Assert.All(app.Resources, r => Assert.True(r.Status.IsRunningAndHealthy, $"{r.Name} is {r.Status.State}"));
        var groups = app.Resources.Select(r => r.Status.Pid).OfType<int>().ToList();
        Assert.Equal(4, groups.Count);
        Assert.All(groups, g => Assert.NotEmpty(ProcessTable.InGroup(g)));
        var epmdOrVm = ProcessTable.InGroups(groups).Count;
        Assert.True(epmdOrVm > 4, "the servers should have children of their own for this test to mean anything");

        await app.StopAsync();

        Assert.Empty(ProcessTable.InGroups(groups));
        Assert.Empty(ProcessTable.WithDataFolder(app.Options.DataDirectory));
        Assert.All(app.Resources, r => Assert.True(r.Status.IsTerminal, $"{r.Name} is {r.Status.State}"));
    }

    [Fact]
    public async Task A_run_after_a_crash_ends_what_the_crashed_run_left()
    {
        var data = Path.Combine(DistributedApplicationTestingBuilder.TestRunsDirectory, "crash-" + Guid.NewGuid().ToString("N")[..8]);
        var crashed = BuildSleeper(data);
        await crashed.StartAsync(TestContext.Current.CancellationToken);
        var orphan = crashed.GetResource("sleeper").Status.Pid!.Value;
        Assert.NotEmpty(ProcessTable.InGroup(orphan));
        // No StopAsync: as if the AppHost had been SIGKILLed.

        var next = BuildSleeper(data);
        await next.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            Assert.Empty(ProcessTable.InGroup(orphan));
            Assert.Equal(ResourceState.Running, next.GetResource("sleeper").Status.State);
        }
        finally
        {
            await next.StopAsync();
        }
    }

    private static DistributedApplication BuildSleeper(string data)
    {
        var builder = DistributedApplicationTestingBuilder.CreateBuilder(o => o.DataDirectory = data);
        builder.AddExecutable("sleeper", "/bin/sh", "-c", "sleep 300 & sleep 300 & wait");
        return builder.Build();
    }
}
