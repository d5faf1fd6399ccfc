namespace Platform.EndToEnd.Tests.Faults;

/// <summary>
/// <c>kill -9</c> of Events in the middle of a stream of registrations: the platform starts it again by itself, and
/// every registration it had answered 201 is stored and mailed once (its outbox survives the crash).
/// </summary>
[Collection(FaultWindowCollection.Name)]
public sealed class EventsKillTests(PlatformFixture platform)
{
    [Fact]
    public async Task Events_killed_mid_load_comes_back_by_itself_and_every_accepted_registration_is_mailed_once()
    {
        var clock = await platform.AdvanceClockAsync("events", TimeSpan.Zero);
        await using var load = new FaultLoad(platform);
        await load.StartRegistrationsAsync(callers: 4);
        await load.WaitForAcceptedAsync(6, TimeSpan.FromSeconds(60));

        try
        {
            await FaultLoad.KillAndAwaitRestartAsync(platform.App, "events");
        }
        finally
        {
            await platform.App.WaitForResourceHealthyAsync("events", TestContext.Current.CancellationToken);
            await FaultLoad.RestoreClockAsync(platform, "events", clock);
        }

        var afterRestart = load.AcceptedCount;
        await load.WaitForAcceptedAsync(afterRestart + 4, TimeSpan.FromSeconds(60));
        await load.AssertNothingLostAndNothingTwiceAsync(within: TimeSpan.FromSeconds(120));
        await load.AssertEveryResourceHealthyAsync();
    }
}
