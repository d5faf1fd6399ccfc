using System.Diagnostics;
using Aspire.Hosting.ApplicationModel;
using Platform.EndToEnd.Tests.Events;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// A backing server that crashes (its process killed, not stopped by anyone): the resource is shown as ended with its
/// exit code, a service that waits for it keeps waiting rather than failing, and once the server is started again from
/// the dashboard the platform catches up on what happened meanwhile. The shared platform is left running and healthy.
/// </summary>
public sealed class ResourceCrashTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_crashed_mail_sink_shows_as_ended_with_its_exit_code_Notifications_waits_for_it_and_a_registration_made_meanwhile_is_mailed_once_it_is_started_again()
    {
        var app = platform.App;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        var cancellationToken = timeout.Token;
        var conference = await platform.PublishEventAsync(capacity: 50, workshopCapacities: [10]);

        // A restarted Notifications starts its adjustable clock afresh; it is moved back to where it was afterwards, so later
        // tests never see its time go backwards (digests and "newest first" follow that clock).
        var clockBefore = await platform.AdvanceClockAsync("notifications", TimeSpan.Zero);

        Process.GetProcessById(ProcessIdOf("mail")).Kill(); // SIGKILL: a crash, not DCP's stop
        var crashed = await app.ResourceNotifications.WaitForResourceAsync("mail",
            e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellationToken);
        Task<ExecuteCommandResult>? restartingNotifications = null;
        var email = Addresses.Unique("Crash.Delegate");
        try
        {
            // DCP reports a process that ended by itself as Finished (Exited when it could not tell); a crash has a non-zero exit code.
            Assert.Contains(crashed.Snapshot.State?.Text, new[] { KnownResourceStates.Finished, KnownResourceStates.Exited });
            Assert.NotNull(crashed.Snapshot.ExitCode);
            Assert.NotEqual(0, crashed.Snapshot.ExitCode);

            // Notifications started again while the sink is down waits for it (WaitFor), as it would at the platform's start.
            restartingNotifications = app.ResourceCommands.ExecuteCommandAsync("notifications", KnownResourceCommands.RestartCommand, cancellationToken);
            await app.ResourceNotifications.WaitForResourceAsync("notifications", e => e.Snapshot.State?.Text == KnownResourceStates.Waiting, cancellationToken);

            // Meanwhile a delegate registers: Events answers, and its event waits in RabbitMQ for Notifications.
            using var publicClient = platform.CreatePublicClient();
            await publicClient.RegisterOkAsync(conference, EventsActors.Delegate(email, conference.Workshops[0]));
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            Assert.True(app.ResourceNotifications.TryGetCurrentState("notifications", out var still));
            Assert.Equal(KnownResourceStates.Waiting, still.Snapshot.State?.Text);
        }
        finally
        {
            // The dashboard's Start on the exited sink, whatever happened above: later tests need the platform whole.
            var started = await app.ResourceCommands.ExecuteCommandAsync("mail", KnownResourceCommands.StartCommand, cancellationToken);
            Assert.True(started.Success, $"start mail: {started.Message}");
            await app.ResourceNotifications.WaitForResourceHealthyAsync("mail", cancellationToken);
            if (restartingNotifications is not null)
            {
                var restarted = await restartingNotifications;
                Assert.True(restarted.Success, $"restart notifications: {restarted.Message}");
            }
            await app.ResourceNotifications.WaitForResourceHealthyAsync("notifications", cancellationToken);
            var clockAfter = await platform.AdvanceClockAsync("notifications", TimeSpan.Zero);
            if (clockAfter < clockBefore) await platform.AdvanceClockAsync("notifications", clockBefore - clockAfter);
        }

        var confirmation = await app.GetMailbox("mail").WaitForAsync(m => m.IsTo(email), TimeSpan.FromSeconds(90));
        Assert.NotNull(confirmation.Subject);
    }

    /// <summary>The pid DCP reports for the resource's process (the dashboard's "Process ID").</summary>
    private int ProcessIdOf(string resource)
    {
        Assert.True(platform.App.ResourceNotifications.TryGetCurrentState(resource, out var current), $"{resource} has no state");
        return Convert.ToInt32(current.Snapshot.Properties.Single(p => p.Name == "executable.pid").Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
