namespace Platform.EndToEnd.Tests.Faults;

/// <summary>
/// RabbitMQ stopped for 30 s in the middle of a stream of public registrations: Events keeps accepting (its outbox
/// holds the events), and once the broker is back every accepted registration's email goes out, once.
/// </summary>
[Collection(DisturbsPlatformCollection.Name)]
public sealed class BrokerOutageTests(PlatformFixture platform)
{
    [Fact]
    public async Task Registrations_accepted_while_the_broker_is_down_are_all_mailed_once_when_it_is_back()
    {
        await using var load = new FaultLoad(platform);
        await load.StartRegistrationsAsync(callers: 4);
        await load.WaitForAcceptedAsync(4, TimeSpan.FromSeconds(60));

        await platform.App.StopResourceAsync("messaging");
        int acceptedDuringOutage;
        try
        {
            var before = load.AcceptedCount;
            await Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            acceptedDuringOutage = load.AcceptedCount - before;
        }
        finally
        {
            // A person stopped it, so a person starts it (the platform restarts only what crashed).
            await platform.App.StartResourceAsync("messaging", TestContext.Current.CancellationToken);
        }

        var afterOutage = load.AcceptedCount;
        await load.WaitForAcceptedAsync(afterOutage + 4, TimeSpan.FromSeconds(60));
        await load.AssertNothingLostAndNothingTwiceAsync(within: TimeSpan.FromSeconds(120));
        Assert.True(acceptedDuringOutage > 0, "no registration was accepted while the broker was down; nothing was tested");
        await load.AssertEveryResourceHealthyAsync();
    }
}
