using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.Tests.Subscribers;

public sealed class ManageAndUnsubscribeTests : IAsyncDisposable
{
    private readonly NotificationsFactory _factory = new();

    [Fact]
    public async Task One_click_unsubscribe_GET_changes_nothing_POST_ends_the_subscription_and_nothing_more_arrives()
    {
        await _factory.SubscribeAsync("ann@example.org", ["news"], "immediately");
        await _factory.PublishNewsAsync("First news");
        await _factory.WaitForEmailsAsync(2);
        var news = Assert.Single(_factory.To("ann@example.org"), e => e.Subject == "First news");

        // The body's links open the site's pages; the one-click header names the API, which takes a mail client's POST.
        var unsubscribe = TestSubscribers.ApiLink(news, "unsubscribe");
        Assert.Equal($"<{unsubscribe.AbsoluteUri}>", news.Headers[SubscriberLinks.ListUnsubscribe]);
        Assert.Equal("List-Unsubscribe=One-Click", news.Headers[SubscriberLinks.ListUnsubscribePost]);
        Assert.Contains(TestSubscribers.Link(news, "unsubscribe").AbsoluteUri, news.HtmlBody);
        Assert.Contains("/email-updates/manage/", news.TextBody);
        Assert.DoesNotContain("/api/", news.TextBody);
        Assert.DoesNotContain("/api/", news.HtmlBody);

        var client = _factory.CreateClient();
        using var page = await client.GetAsync(unsubscribe.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("method=\"post\"", await page.Content.ReadAsStringAsync());
        Assert.Equal(SubscriptionStatus.Confirmed, await StatusAsync());

        using var oneClick = await client.PostAsync(unsubscribe.PathAndQuery,
            new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]));
        using var again = await client.PostAsync(unsubscribe.PathAndQuery, null);
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(SubscriptionStatus.Ended, await StatusAsync());
        Assert.Equal(1, await _factory.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageType.Contains("SubscriberUnsubscribed"))));

        await _factory.PublishNewsAsync("Second news");
        await Task.Delay(1000);
        Assert.DoesNotContain(_factory.To("ann@example.org"), e => e.Subject == "Second news");
    }

    [Fact]
    public async Task A_manage_link_changes_topics_and_frequency_and_bad_input_changes_nothing()
    {
        await _factory.SubscribeAsync("bo@example.org", ["news"], "immediately");
        await _factory.PublishNewsAsync("News for Bo");
        await _factory.WaitForEmailsAsync(2);
        var manage = TestSubscribers.ApiLink(_factory.To("bo@example.org").Single(e => e.Subject == "News for Bo"), "manage");
        var client = _factory.CreateClient();

        var view = await client.GetFromJsonAsync<JsonElement>(manage.PathAndQuery);
        Assert.Equal("bo@example.org", view.GetProperty("email").GetString());

        using var bad = await client.PutAsJsonAsync(manage.PathAndQuery, new { topics = new[] { "gossip" }, frequency = "hourly" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("topics", out _));
        Assert.True(errors.TryGetProperty("frequency", out _));

        using var changed = await client.PutAsJsonAsync(manage.PathAndQuery, new { topics = new[] { "events", "awards" }, frequency = "weekly", districts = new[] { "castleton" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var subscription = await _factory.WithDbAsync(db => db.Subscriptions.SingleAsync());
        Assert.Equal(["awards", "events"], subscription.Topics);
        Assert.Equal(["Castleton"], subscription.Districts);
        Assert.Equal("weekly", subscription.Frequency);
        Assert.NotNull(subscription.DigestThrough);
    }

    [Fact]
    public async Task Tokens_are_single_purpose_unforgeable_and_expire()
    {
        var cara = await _factory.SubscribeAsync("cara@example.org", ["news"], "immediately");
        var dan = await _factory.SubscribeAsync("dan@example.org", ["news"], "immediately");
        var tokens = _factory.Services.GetRequiredService<LinkTokens>();
        var client = _factory.CreateClient();
        var manageCara = tokens.Create(LinkPurpose.Manage, cara);
        var unsubscribeCara = tokens.Create(LinkPurpose.Unsubscribe, cara);

        // An unsubscribe link's token is not a manage token, and vice versa.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/notifications/manage/{tokens.Create(LinkPurpose.Unsubscribe, cara)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/notifications/unsubscribe/{manageCara}", null)).StatusCode);
        // Changing the subscriber inside Cara's token (to reach Dan) breaks the signature.
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(manageCara);
        dan.TryWriteBytes(bytes.AsSpan(1, 16));
        var forged = System.Buffers.Text.Base64Url.EncodeToString(bytes);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/notifications/manage/{forged}")).StatusCode);
        using var garbage = await client.GetAsync("/api/notifications/manage/not-a-token");
        Assert.True(garbage.StatusCode == HttpStatusCode.NotFound, await garbage.Content.ReadAsStringAsync());

        _factory.Time.Advance(TimeSpan.FromDays(91));
        using var expired = await client.PostAsync($"/api/notifications/unsubscribe/{unsubscribeCara}", null);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Equal("application/problem+json", expired.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/notifications/manage/{manageCara}")).StatusCode);
        Assert.Equal(2, await _factory.WithDbAsync(db => db.Subscriptions.CountAsync(s => s.Status == SubscriptionStatus.Confirmed)));
    }

    [Fact]
    public async Task Erasing_through_the_manage_link_forgets_the_address_at_once()
    {
        var id = await _factory.SubscribeAsync("erin@example.org", ["news"], "immediately");
        var manage = _factory.Services.GetRequiredService<LinkTokens>().Create(LinkPurpose.Manage, id);

        using var erased = await _factory.CreateClient().DeleteAsync($"/api/notifications/manage/{manage}");

        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Subscribers.CountAsync()));
        var deliveries = await _factory.WithDbAsync(db => db.Deliveries.ToListAsync());
        Assert.NotEmpty(deliveries);
        Assert.All(deliveries, d => Assert.Equal(Subscriber.Fingerprint("erin@example.org"), d.Recipient));
        Assert.All(deliveries, d => Assert.Null(d.Address));
    }

    private Task<SubscriptionStatus> StatusAsync() => _factory.WithDbAsync(db => db.Subscriptions.Select(s => s.Status).SingleAsync());

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
