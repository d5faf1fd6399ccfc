namespace Platform.EndToEnd.Tests.Faults;

/// <summary>
/// The SMTP sink down for 60 s in the middle of a news fan-out: sending pauses (the circuit opens), nothing is given
/// up on, and once the sink is back every subscriber has the news exactly once.
/// </summary>
[Collection(FaultWindowCollection.Name)]
public sealed class MailOutageTests(PlatformFixture platform)
{
    private const int Subscribers = 200;

    [Fact]
    public async Task A_fan_out_across_a_minute_without_the_mail_server_reaches_every_subscriber_once()
    {
        await using var load = new FaultLoad(platform);
        await load.StartFanOutAsync(Subscribers, district: "Eastwick");
        await load.WaitForFanOutUnderWayAsync(delivered: 20);

        await platform.App.StopResourceAsync("mail");
        int deliveredAtStop;
        try
        {
            deliveredAtStop = load.NewsDelivered();
            await Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        }
        finally
        {
            // Stopped by a person, so started by one: the platform restarts only what crashed.
            await platform.App.StartResourceAsync("mail", TestContext.Current.CancellationToken);
        }

        await load.AssertNothingLostAndNothingTwiceAsync(within: TimeSpan.FromSeconds(120));
        Assert.True(deliveredAtStop < Subscribers, "the fan-out finished before the sink was stopped; nothing was tested");
        await load.AssertEveryResourceHealthyAsync();
    }
}
