using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Awards;

namespace Platform.Notifications.Tests.Transactional;

public sealed class WinnersTests : IAsyncDisposable
{
    private readonly NotificationsFactory _factory = new();

    [Fact]
    public async Task Winners_reach_immediate_awards_subscribers_once_even_when_the_event_is_replayed()
    {
        await _factory.SubscribeAsync("fan@example.org", ["awards"], "immediately");
        await _factory.SubscribeAsync("news-only@example.org", ["news"], "immediately");
        var announced = new WinnersAnnounced(Guid.CreateVersion7(), 2026, "Community Safety Hero Awards", DateTimeOffset.UtcNow,
            [new AwardWinner(Guid.CreateVersion7(), "Young Hero", "Sam *Star*", "Northshire <Youth>", "North", "For <b>bravery</b>.")],
            "https://example.org/awards/2026");

        var bus = _factory.Services.GetRequiredService<IBus>();
        await bus.Publish(announced);
        await _factory.WaitForEmailsAsync(3);
        await bus.Publish(announced); // a replay: a new message id, the same event
        await _factory.WaitForEmailsAsync(3, TimeSpan.FromSeconds(1));

        var email = Assert.Single(_factory.To("fan@example.org"), e => e.Subject.Contains("winners", StringComparison.Ordinal));
        Assert.Equal("Community Safety Hero Awards 2026: the winners", email.Subject);
        Assert.Contains("Sam *Star*", email.HtmlBody);
        Assert.Contains("Northshire &lt;Youth&gt;", email.HtmlBody);
        Assert.DoesNotContain("<b>bravery", email.HtmlBody);
        Assert.Contains("href=\"https://example.org/awards/2026\"", email.HtmlBody);
        Assert.DoesNotContain(_factory.To("news-only@example.org"), e => e.Subject.Contains("winners", StringComparison.Ordinal));
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
