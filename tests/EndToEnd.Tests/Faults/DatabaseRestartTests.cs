using Aspire.Hosting.ApplicationModel;

namespace Platform.EndToEnd.Tests.Faults;

/// <summary>
/// The PostgreSQL server stopped and started again in the middle of a news fan-out. One server holds every service's database, so this
/// is Notifications' PostgreSQL (and everyone else's): the senders lose the database between claiming a message and
/// recording its outcome, and still every subscriber gets the news exactly once.
/// </summary>
[Collection(FaultWindowCollection.Name)]
public sealed class DatabaseRestartTests(PlatformFixture platform)
{
    private const int Subscribers = 200;

    [Fact]
    public async Task A_fan_out_across_a_database_restart_reaches_every_subscriber_once()
    {
        await using var load = new FaultLoad(platform);
        await load.StartFanOutAsync(Subscribers, district: "Fairhaven");
        await load.WaitForFanOutUnderWayAsync(delivered: 20);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        // The dashboard's Stop, then Start: a restart by hand. On a loaded machine DCP may stop waiting for PostgreSQL's
        // shutdown (its checkpoint) before it ends and call the stop failed; the server stops all the same, so the test
        // waits for it either way, and whatever happens starts it again (a person stopped it, so a person starts it).
        int deliveredAtRestart;
        try
        {
            _ = await platform.App.ResourceCommands.ExecuteCommandAsync("postgres", KnownResourceCommands.StopCommand, timeout.Token);
            await platform.App.ResourceNotifications.WaitForResourceAsync("postgres",
                e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
            deliveredAtRestart = load.NewsDelivered();
        }
        finally
        {
            await platform.App.StartResourceAsync("postgres", TestContext.Current.CancellationToken);
        }

        await platform.App.WaitForResourceHealthyAsync("postgres", timeout.Token);

        // Every service is whole again by itself: its pool's dead connections cost at most the one failure that cleared
        // them (its background work meets one within a second), not one request per pooled connection.
        await Task.Delay(TimeSpan.FromSeconds(3), timeout.Token);
        using var visitor = platform.CreatePublicClient();
        foreach (var path in new[] { "/api/events", "/api/volunteers/roles", "/api/awards/programmes", "/api/notifications/news/published" })
        {
            for (var i = 0; i < 3; i++)
            {
                using var response = await visitor.GetAsync(path, timeout.Token);
                Assert.True(response.IsSuccessStatusCode, $"GET {path} after the restart: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(timeout.Token)}");
            }
        }

        await load.AssertNothingLostAndNothingTwiceAsync(within: TimeSpan.FromSeconds(120));
        Assert.True(deliveredAtRestart < Subscribers, "the fan-out finished before the restart; nothing was tested");
        await load.AssertEveryResourceHealthyAsync();
    }
}
