using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Platform.EndToEnd.Tests.Events;
using Platform.EndToEnd.Tests.Faults;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// A backing server that crashes (its process killed, not stopped by anyone) is shown as ended with its exit code and
/// started again by the AppHost with no hand on it, saying so in its dashboard log; what happened meanwhile catches up.
/// One a person stopped with the dashboard's Stop stays stopped. The shared platform is left running and healthy.
/// </summary>
[Collection(DisturbsPlatformCollection.Name)]
public sealed class ResourceCrashTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_crashed_mail_sink_shows_as_ended_with_its_exit_code_is_started_again_by_the_platform_and_a_registration_made_meanwhile_is_mailed_once()
    {
        var app = platform.App;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        var cancellationToken = timeout.Token;
        var conference = await platform.PublishEventAsync(capacity: 50, workshopCapacities: [10]);
        var supervisorSaid = WatchForLogLineAsync("mail", "[supervisor] mail ended unexpectedly", cancellationToken);

        var pid = FaultLoad.ProcessIdOf(app, "mail");
        System.Diagnostics.Process.GetProcessById(pid).Kill(); // SIGKILL: a crash, not DCP's stop
        var crashed = await app.ResourceNotifications.WaitForResourceAsync("mail",
            e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellationToken);
        // DCP reports a process that ended by itself as Finished (Exited when it could not tell); a crash has a non-zero exit code.
        Assert.Contains(crashed.Snapshot.State?.Text, new[] { KnownResourceStates.Finished, KnownResourceStates.Exited });
        Assert.NotNull(crashed.Snapshot.ExitCode);
        Assert.NotEqual(0, crashed.Snapshot.ExitCode);

        // Meanwhile a delegate registers: Events answers, and Notifications holds the email until the sink is back.
        var email = Addresses.Unique("Crash.Delegate");
        using var publicClient = platform.CreatePublicClient();
        await publicClient.RegisterOkAsync(conference, EventsActors.Delegate(email, conference.Workshops[0]));

        // Nobody presses Start: the AppHost starts a new sink process by itself and says why in the sink's log.
        await app.ResourceNotifications.WaitForResourceAsync("mail",
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && FaultLoad.PidOf(e.Snapshot) is { } now && now != pid, cancellationToken);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("mail", cancellationToken);
        Assert.Contains("exit code", await supervisorSaid);

        await app.GetMailbox("mail").WaitForAsync(m => m.IsTo(email), TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        Assert.Single(app.GetMailbox("mail").Messages(), m => m.IsTo(email));
    }

    [Fact]
    public async Task A_mail_sink_stopped_with_the_dashboards_Stop_stays_stopped_until_it_is_started()
    {
        var app = platform.App;
        await app.StopResourceAsync("mail");
        try
        {
            // Longer than the supervisor's first pause before a restart.
            await Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
            Assert.True(app.ResourceNotifications.TryGetCurrentState("mail", out var still));
            Assert.Contains(still.Snapshot.State?.Text, KnownResourceStates.TerminalStates);
        }
        finally
        {
            await app.StartResourceAsync("mail", TestContext.Current.CancellationToken);
        }

        await app.WaitForResourceHealthyAsync("mail", TestContext.Current.CancellationToken);
    }

    private async Task<string> WatchForLogLineAsync(string resource, string text, CancellationToken cancellationToken)
    {
        var logs = platform.App.Services.GetRequiredService<ResourceLoggerService>();
        // By the resource, not its name: the log is kept under DCP's name for the process (e.g. "mail-abcd1234").
        var model = platform.App.Model().Resources.Single(r => r.Name == resource);
        await foreach (var batch in logs.WatchAsync(model).WithCancellation(cancellationToken))
        {
            if (batch.FirstOrDefault(l => l.Content.Contains(text, StringComparison.Ordinal)) is { Content: { } line }) return line;
        }

        throw new InvalidOperationException($"{resource}'s log ended without '{text}'");
    }
}
