using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Events;
using Platform.Contracts.Volunteers;

namespace Platform.Notifications.Tests.Alerts;

/// <summary>Roles opened and events published reach the subscribers of their topic and district, once, unless kept out.</summary>
public sealed class AlertsTests : IAsyncDisposable
{
    private readonly NotificationsFactory _factory = new();

    [Fact]
    public async Task A_role_reaches_volunteering_subscribers_of_its_district_and_of_every_district_once_with_the_unsubscribe_headers()
    {
        await _factory.SubscribeAsync("castleton@example.org", ["volunteering"], "immediately", ["Castleton"]);
        await _factory.SubscribeAsync("anywhere@example.org", ["volunteering"], "immediately");
        await _factory.SubscribeAsync("elsewhere@example.org", ["volunteering"], "immediately", ["Brookmere"]);
        await _factory.SubscribeAsync("events-only@example.org", ["events"], "immediately", ["Castleton"]);
        var opened = Role("Community *speedwatch*", "Castleton");

        var bus = _factory.Services.GetRequiredService<IBus>();
        await bus.Publish(opened);
        await _factory.WaitForEmailsAsync(4 + 2);
        // The same role announced again (its organisation approved a second time): a new event, the same role.
        await bus.Publish(opened with { EventId = Guid.CreateVersion7() });
        await _factory.WaitForEmailsAsync(4 + 2, TimeSpan.FromSeconds(1));

        var email = Assert.Single(_factory.To("castleton@example.org"), IsAbout(opened.Title));
        Assert.Equal("New volunteer role: Community *speedwatch*", email.Subject);
        Assert.Contains($"/volunteering/roles/{opened.RoleId}", email.TextBody);
        Assert.Contains("List-Unsubscribe", email.Headers.Keys);
        Assert.Equal("List-Unsubscribe=One-Click", email.Headers["List-Unsubscribe-Post"]);
        Assert.Single(_factory.To("anywhere@example.org"), IsAbout(opened.Title));
        Assert.DoesNotContain(_factory.To("elsewhere@example.org"), IsAbout(opened.Title));
        Assert.DoesNotContain(_factory.To("events-only@example.org"), IsAbout(opened.Title));
    }

    [Fact]
    public async Task An_event_reaches_events_subscribers_of_its_district_and_nothing_is_sent_for_one_kept_out_of_the_alerts()
    {
        await _factory.SubscribeAsync("castleton@example.org", ["events"], "immediately", ["Castleton"]);
        await _factory.SubscribeAsync("elsewhere@example.org", ["events"], "immediately", ["Brookmere"]);
        var startsAt = new DateTimeOffset(2027, 3, 2, 9, 30, 0, TimeSpan.Zero);
        var published = new PartnershipEventPublished(Guid.CreateVersion7(), "Safer Streets Conference", "Conference", "Town Hall",
            startsAt, startsAt.AddHours(7), "Castleton");
        var training = published with { PartnershipEventId = Guid.CreateVersion7(), Title = "Invitation-only training day", SendAlerts = false };
        var role = Role("Kept quiet", "Castleton") with { SendAlerts = false };

        var bus = _factory.Services.GetRequiredService<IBus>();
        await bus.Publish(training);
        await bus.Publish(role);
        await bus.Publish(published);
        await _factory.WaitForEmailsAsync(2 + 1);

        var email = Assert.Single(_factory.To("castleton@example.org"), IsAbout(published.Title));
        Assert.Equal("New event: Safer Streets Conference", email.Subject);
        Assert.Contains("Tuesday 2 March 2027, 09:30 GMT", email.TextBody);
        Assert.Contains($"/events/{published.PartnershipEventId}", email.TextBody);
        Assert.DoesNotContain(_factory.To("elsewhere@example.org"), IsAbout(published.Title));
        Assert.Equal(3, _factory.Emails.Sent.Count); // two confirmations and the one alert: nothing for the two kept out
    }

    [Fact]
    public async Task A_digest_subscriber_gets_the_role_in_their_next_digest_not_at_once()
    {
        await _factory.SubscribeAsync("daily@example.org", ["volunteering"], "daily", ["Castleton"]);
        var opened = Role("Neighbourhood watch coordinator", "Castleton");

        await _factory.Services.GetRequiredService<IBus>().Publish(opened);
        await NotificationsFactory.WaitForAsync(() => _factory.WithDbAsync(db =>
            db.NewsPosts.AnyAsync(p => p.SourceEventId == opened.RoleId && p.Status == Platform.Notifications.News.NewsPostStatus.Published)));
        await _factory.WaitForEmailsAsync(1, TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(_factory.To("daily@example.org"), IsAbout(opened.Title));

        var post = await _factory.WithDbAsync(db => db.NewsPosts.SingleAsync(p => p.SourceEventId == opened.RoleId));
        Assert.Equal("volunteering", post.Topic);
        Assert.Equal("Castleton", post.District);
        Assert.Equal(Platform.Notifications.News.NewsPostStatus.Published, post.Status);
    }

    private static RoleOpened Role(string title, string district) =>
        new(Guid.CreateVersion7(), Guid.CreateVersion7(), "Street Pastors", title, "RoadSafety", district, false, null);

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private static Predicate<Delivery.RenderedEmail> IsAbout(string title) => e => e.Subject.Contains(title, StringComparison.Ordinal);
}
