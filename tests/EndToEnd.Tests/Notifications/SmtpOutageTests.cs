namespace Platform.EndToEnd.Tests.Notifications;

/// <summary>
/// The mail server goes away in the middle of a burst and comes back: sending pauses (the circuit opens), resumes,
/// and every message arrives exactly once.
/// </summary>
[Collection(FaultWindowCollection.Name)]
public sealed class SmtpOutageTests(PlatformFixture platform)
{
    // At the test platform's 40 emails a second, a burst of five seconds: long enough for the dashboard's Stop to land in
    // it on a loaded machine (with 60, the burst of 1.5 s once ended first).
    private const int Subscribers = 200;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sink_stopped_during_a_burst_and_restarted_gets_every_message_exactly_once()
    {
        // Confirmed subscribers of one district made directly (the sign-up flow has its own tests); the post for that
        // district goes to them alone among this run's subscribers with districts (no other test chooses Greystone).
        var district = "Greystone";
        var addresses = Enumerable.Range(0, Subscribers).Select(i => Addresses.Unique($"Burst{i}")).ToList();
        await ConfirmedSubscribers.InsertAsync(platform.App, addresses, district, Cancel);

        var mailbox = platform.App.GetMailbox("mail");
        var title = $"Volunteers needed {Guid.NewGuid():N}";
        await platform.PublishNewsAsync(title, topic: "volunteering", district: district);
        await mailbox.WaitForAsync(m => addresses.Any(m.IsTo) && m.DecodedSubject() == title, SubscriberMail.MailTimeout);

        await platform.App.StopResourceAsync("mail");
        int deliveredBeforeOutage;
        try
        {
            deliveredBeforeOutage = Received(title, addresses).Count;
            await Task.Delay(TimeSpan.FromSeconds(4), Cancel);
        }
        finally
        {
            await platform.App.StartResourceAsync("mail", Cancel);
        }

        await platform.App.WaitForResourceHealthyAsync("mail", Cancel);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (Received(title, addresses).Count < Subscribers && DateTime.UtcNow < deadline) await Task.Delay(250, Cancel);
        await Task.Delay(TimeSpan.FromSeconds(3), Cancel);

        var received = Received(title, addresses);
        Assert.True(deliveredBeforeOutage < Subscribers, "the burst finished before the sink was stopped; nothing was tested");
        Assert.Equal(Subscribers, received.Count);
        Assert.All(addresses, a => Assert.Single(received, r => string.Equals(r, a, StringComparison.OrdinalIgnoreCase)));
    }

    private List<string> Received(string title, List<string> addresses) =>
        platform.App.GetMailbox("mail").Messages()
            .Where(m => m.DecodedSubject() == title)
            .Select(m => addresses.Single(m.IsTo))
            .ToList();
}
