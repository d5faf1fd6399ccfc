using Platform.Notifications.Webhooks;

namespace Platform.Notifications.Tests.Webhooks;

public sealed class WebhookRetryTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Failed_messages_are_retried_with_growing_delays_for_the_retry_period_the_last_at_its_end()
    {
        var until = Start + TimeSpan.FromHours(24);
        var times = new List<DateTimeOffset>();
        var now = Start;
        for (var failed = 1; WebhookRetries.Next(failed, now, until, TimeSpan.FromSeconds(5)) is { } next; failed++)
        {
            times.Add(next);
            now = next;
        }

        Assert.Equal(Start + TimeSpan.FromSeconds(5), times[0]);
        Assert.Equal(TimeSpan.FromMinutes(5), times[1] - times[0]);
        Assert.All(times.Zip(times.Skip(1)), pair => Assert.True(pair.Second > pair.First));
        Assert.Equal(until, times[^1]);
        Assert.InRange(times.Count, 6, 8);
    }
}
