using System.Net;
using System.Text.RegularExpressions;
using Platform.Contracts.Awards;

namespace Platform.EndToEnd.Tests.Notifications;

/// <summary>
/// Subscribers through the gateway and the SMTP sink: news immediately, one-click unsubscribe, the daily digest, and
/// an integration event delivered twice.
/// </summary>
[Collection(DisturbsPlatformCollection.Name)]
public sealed partial class NewsAndDigestTests(PlatformFixture platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_up_confirm_receive_news_then_one_click_unsubscribe_and_nothing_more_arrives()
    {
        using var reader = platform.CreatePublicClient();
        var email = Addresses.Unique("News.Reader");
        await platform.SubscribeAsync(reader, email, ["news"], "immediately");

        var first = $"Safer streets {Guid.NewGuid():N}";
        await platform.PublishNewsAsync(first);
        var news = await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(email) && m.DecodedSubject() == first, SubscriberMail.MailTimeout);

        Assert.Equal("List-Unsubscribe=One-Click", news.Header("List-Unsubscribe-Post"));
        var listUnsubscribe = news.Header("List-Unsubscribe");
        Assert.NotNull(listUnsubscribe);
        var unsubscribe = new Uri(listUnsubscribe.Trim('<', '>'));
        Assert.Matches(ManageLink(), news.Decoded());

        // A GET (what a link scanner does) only shows the confirm page.
        using var page = await reader.GetAsync(unsubscribe.PathAndQuery, Cancel);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(1, await ConfirmedAsync(email));

        // What a mail client sends for one-click (RFC 8058).
        using var oneClick = await reader.PostAsync(unsubscribe.PathAndQuery,
            new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]), Cancel);
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(0, await ConfirmedAsync(email));

        var second = $"More news {Guid.NewGuid():N}";
        var watcher = Addresses.Unique("News.Watcher");
        await platform.SubscribeAsync(reader, watcher, ["news"], "immediately");
        await platform.PublishNewsAsync(second);
        // The other subscriber's copy arriving shows the post went out; the unsubscribed address got none of it.
        await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(watcher) && m.DecodedSubject() == second, SubscriberMail.MailTimeout);
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        Assert.DoesNotContain(platform.To(email), m => m.DecodedSubject() == second);
    }

    [Fact]
    public async Task A_daily_subscriber_gets_the_days_two_items_in_one_digest_email()
    {
        using var reader = platform.CreatePublicClient();
        var email = Addresses.Unique("Digest.Reader");
        await platform.SubscribeAsync(reader, email, ["news"], "daily");
        var one = $"Digest item one {Guid.NewGuid():N}";
        var two = $"Digest item two {Guid.NewGuid():N}";
        await platform.PublishNewsAsync(one);
        await platform.PublishNewsAsync(two);
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        Assert.Single(platform.To(email)); // only the confirmation: nothing immediately

        // The next 07:00 in London passes; the scheduler wakes when the clock moves.
        await platform.AdvanceClockAsync("notifications", TimeSpan.FromDays(1));

        // The pass writes every daily subscriber's digest, and the shared platform holds the whole suite's subscribers
        // (with automatic alerts, most now have items): at the test platform's 40 emails a second this one can come
        // minutes after the pass begins.
        var digest = await platform.App.GetMailbox("mail").WaitForAsync(
            m => m.IsTo(email) && m.DecodedSubject().StartsWith("Your daily update", StringComparison.Ordinal), TimeSpan.FromMinutes(4));
        var body = digest.Decoded();
        Assert.Contains(one, body);
        Assert.Contains(two, body);
        Assert.NotNull(digest.Header("List-Unsubscribe"));
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        Assert.Single(platform.To(email), m => m.DecodedSubject().StartsWith("Your daily", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_integration_event_delivered_twice_sends_nothing_twice()
    {
        using var reader = platform.CreatePublicClient();
        var email = Addresses.Unique("Awards.Fan");
        await platform.SubscribeAsync(reader, email, ["awards"], "immediately");
        var programme = $"Hero Awards {Guid.NewGuid():N}";
        var announced = new WinnersAnnounced(Guid.NewGuid(), 2026, programme, DateTimeOffset.UtcNow,
            [new AwardWinner(Guid.NewGuid(), "Young Hero", "Sam Star", null, "North", "For bravery.")], "https://example.org/awards");

        // Once as the outbox relayed it, again with the same message id (a lost ack), and again with a new one (a replay).
        var messageId = Guid.NewGuid();
        await platform.PublishToBrokerAsync(announced, messageId);
        await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(email) && m.DecodedSubject().StartsWith(programme, StringComparison.Ordinal), SubscriberMail.MailTimeout);
        await platform.PublishToBrokerAsync(announced, messageId);
        await platform.PublishToBrokerAsync(announced, Guid.NewGuid());
        await Task.Delay(TimeSpan.FromSeconds(4), Cancel);

        Assert.Single(platform.To(email), m => m.DecodedSubject().StartsWith(programme, StringComparison.Ordinal));
        Assert.Equal(1, await platform.App.CountAsync("notificationsdb", "SELECT count(*) FROM news_post WHERE source_event_id = @id", ("id", announced.EventId)));
    }

    private Task<long> ConfirmedAsync(string email) => platform.App.CountAsync("notificationsdb",
        "SELECT count(*) FROM subscription s JOIN subscriber r ON r.id = s.subscriber_id WHERE r.normalized_email = @e AND s.status = 'Confirmed'",
        ("e", email.ToLowerInvariant()));

    [GeneratedRegex(@"https?://[^\s""<>]+/email-updates/manage/[A-Za-z0-9_\-]+")]
    private static partial Regex ManageLink();
}
