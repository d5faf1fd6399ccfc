using Microsoft.EntityFrameworkCore;
using Platform.Notifications.Digests;

namespace Platform.Notifications.Tests.Digests;

public sealed class DigestTests : IAsyncDisposable
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private readonly NotificationsFactory _factory = new();

    [Fact]
    public async Task A_daily_digest_sends_the_days_items_as_one_email_and_never_again()
    {
        await _factory.SubscribeAsync("daily@example.org", ["news", "awards"], "daily");
        await _factory.SubscribeAsync("weekly@example.org", ["news"], "weekly");
        await _factory.SubscribeAsync("now@example.org", ["news"], "immediately");
        await _factory.PublishNewsAsync("Item one");
        await _factory.PublishNewsAsync("Item two", topic: "awards");
        await _factory.PublishNewsAsync("Item three (events)", topic: "events");
        await _factory.WaitForEmailsAsync(3 + 1);

        Assert.Equal(0, await RunDigestsAsync()); // not yet 07:00 after the items
        MoveTo(nextSevenAm: true);
        Assert.Equal(1, await RunDigestsAsync());
        await _factory.WaitForEmailsAsync(5);

        var digest = Assert.Single(_factory.To("daily@example.org"), e => e.Subject.StartsWith("Your daily update", StringComparison.Ordinal));
        Assert.Equal("Your daily update: 2 new items", digest.Subject);
        Assert.Contains("Item one", digest.TextBody);
        Assert.Contains("Item two", digest.HtmlBody);
        Assert.DoesNotContain("Item three", digest.TextBody);
        Assert.Contains("List-Unsubscribe", digest.Headers.Keys);
        Assert.DoesNotContain(_factory.To("now@example.org"), e => e.Subject.StartsWith("Your daily", StringComparison.Ordinal));

        // The same run again, a run left unfinished, and the next day with nothing new: nothing is sent twice.
        await _factory.WithDbAsync(db => db.DigestRuns.ExecuteUpdateAsync(r => r.SetProperty(x => x.CompletedAt, (DateTime?)null)));
        Assert.Equal(0, await RunDigestsAsync());
        _factory.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await RunDigestsAsync());
        await Task.Delay(300);
        Assert.Single(_factory.To("daily@example.org"), e => e.Subject.StartsWith("Your daily", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_that_stopped_midway_resumes_with_the_subscribers_not_yet_done_and_the_key_stops_repeats()
    {
        for (var i = 0; i < 3; i++) await _factory.SubscribeAsync($"d{i}@example.org", ["news"], "daily");
        await _factory.PublishNewsAsync("Only item");
        MoveTo(nextSevenAm: true);
        Assert.Equal(3, await RunDigestsAsync());

        // As if the process died after queuing d0's digest but before its watermark moved, and before the run finished.
        await _factory.WithDbAsync(db => db.Subscriptions.Where(s => db.Subscribers.Any(r => r.Id == s.SubscriberId && r.NormalizedEmail == "d0@example.org"))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.DigestThrough, x => x.ConfirmedAt)));
        await _factory.WithDbAsync(db => db.DigestRuns.ExecuteUpdateAsync(r => r.SetProperty(x => x.CompletedAt, (DateTime?)null)));
        Assert.Equal(0, await RunDigestsAsync());
        await _factory.WaitForEmailsAsync(6);

        for (var i = 0; i < 3; i++) Assert.Single(_factory.To($"d{i}@example.org"), e => e.Subject.StartsWith("Your daily", StringComparison.Ordinal));
    }

    [Fact]
    public void The_schedule_follows_london_wall_clock_time_across_summer_time()
    {
        var sevenAm = new TimeSpan(7, 0, 0);
        // Winter: 07:00 GMT is 07:00 UTC; summer: 07:00 BST is 06:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 7, 0, 0, TimeSpan.Zero),
            DigestSchedule.LatestDaily(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero), sevenAm, London));
        Assert.Equal(new DateTimeOffset(2026, 7, 15, 6, 0, 0, TimeSpan.Zero),
            DigestSchedule.LatestDaily(new DateTimeOffset(2026, 7, 15, 6, 30, 0, TimeSpan.Zero), sevenAm, London));
        Assert.Equal(new DateTimeOffset(2026, 7, 14, 6, 0, 0, TimeSpan.Zero),
            DigestSchedule.LatestDaily(new DateTimeOffset(2026, 7, 15, 5, 59, 0, TimeSpan.Zero), sevenAm, London));
        Assert.Equal(new DateTimeOffset(2026, 7, 13, 6, 0, 0, TimeSpan.Zero), // a Monday
            DigestSchedule.LatestWeekly(new DateTimeOffset(2026, 7, 19, 12, 0, 0, TimeSpan.Zero), sevenAm, DayOfWeek.Monday, London));
    }

    private Task<int> RunDigestsAsync() => _factory.RunAsync<Notifications.Digests.Digests, int>(d => d.RunDueAsync(CancellationToken.None));

    private void MoveTo(bool nextSevenAm)
    {
        var now = _factory.Time.GetUtcNow();
        var latest = DigestSchedule.LatestDaily(now, new TimeSpan(7, 0, 0), London);
        if (nextSevenAm) _factory.Time.Advance(latest.AddDays(1) - now + TimeSpan.FromMinutes(1));
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
