using System.Net.Http.Json;
using System.Text.Json;
using Platform.AppHost.Hosting.ApplicationModel;
using Platform.AppHost.Hosting.Processes;
using Platform.AppHost.Hosting.Testing;

namespace Platform.EndToEnd.Tests;

/// <summary>The hosting code tells plainly what failed and why, and never leaves waiters hanging.</summary>
public sealed class HostingFailureTests
{
    [Fact]
    public async Task A_process_that_exits_before_it_is_healthy_is_FailedToStart_with_its_exit_code_and_last_words()
    {
        var builder = DistributedApplicationTestingBuilder.CreateBuilder(o => o.DashboardUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}"));
        var broken = builder.AddExecutable("broken", "/bin/sh", "-c", "echo 'cannot read configuration file' >&2; exit 3");
        builder.AddExecutable("dependent", "/bin/sleep", "300").WaitFor(broken);
        builder.AddExecutable("missing", "/nonexistent/program");
        await using var app = builder.Build();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await app.StartAsync(timeout.Token);

        var status = app.GetResource("broken").Status;
        Assert.Equal(ResourceState.FailedToStart, status.State);
        Assert.Equal(3, status.ExitCode);
        Assert.Contains("code 3", status.Reason);
        Assert.Contains(status.Logs.Tail(10), l => l.Contains("cannot read configuration file"));

        var dependent = app.GetResource("dependent").Status;
        Assert.Equal(ResourceState.FailedToStart, dependent.State);
        Assert.Contains("broken", dependent.Reason);
        Assert.Null(dependent.Pid);

        Assert.Equal(ResourceState.FailedToStart, app.GetResource("missing").Status.State);
        Assert.Contains("/nonexistent/program", app.GetResource("missing").Status.Reason);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WaitForResourceHealthyAsync("dependent", timeout.Token));
        Assert.Contains("FailedToStart", error.Message);

        // The dashboard's API says the same.
        using var http = new HttpClient { BaseAddress = app.DashboardUrl };
        var resources = await http.GetFromJsonAsync<JsonElement>("/api/resources", timeout.Token);
        var described = resources.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "broken");
        Assert.Equal("FailedToStart", described.GetProperty("state").GetString());
        Assert.Equal(3, described.GetProperty("exitCode").GetInt32());
    }
}
