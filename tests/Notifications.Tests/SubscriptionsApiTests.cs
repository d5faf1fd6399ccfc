using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Messaging;
using Platform.Notifications.Subscriptions;

namespace Platform.Notifications.Tests;

public sealed class SubscriptionsApiTests : IAsyncLifetime
{
    private readonly NotificationsFactory _factory = new();

    public static TheoryData<string, string> InvalidRequests => new()
    {
        { """{"email":"not-an-email","topics":["news"],"frequency":"weekly"}""", "email" },
        { """{"email":"Ann <ann@example.org>","topics":["news"],"frequency":"weekly"}""", "email" },
        { """{"topics":["news"],"frequency":"weekly"}""", "email" },
        { """{"email":"ann@example.org","topics":["news","gossip"],"frequency":"weekly"}""", "topics" },
        { """{"email":"ann@example.org","topics":[],"frequency":"weekly"}""", "topics" },
        { """{"email":"ann@example.org","frequency":"weekly"}""", "topics" },
        { """{"email":"ann@example.org","topics":["news"],"frequency":"hourly"}""", "frequency" },
        { """{"email":"ann@example.org","topics":["news"]}""", "frequency" },
    };

    [Theory]
    [MemberData(nameof(InvalidRequests))]
    public async Task An_invalid_request_is_a_validation_problem_naming_the_field_and_stores_nothing(string body, string field)
    {
        var client = _factory.CreateClient();

        var response = await client.PostAsync("/api/notifications/subscriptions",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}'");
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Subscribers.CountAsync()));
        Assert.Equal(0, await _factory.WithDbAsync(db => db.Set<OutboxMessage>().CountAsync()));
    }

    [Fact]
    public async Task New_pending_and_confirmed_addresses_all_get_the_same_202()
    {
        var client = _factory.CreateClient();
        var request = new { email = "Ann@Example.org", topics = new[] { "news", "events" }, frequency = "weekly" };

        var first = await client.PostAsJsonAsync("/api/notifications/subscriptions", request, TestContext.Current.CancellationToken);
        var again = await client.PostAsJsonAsync("/api/notifications/subscriptions", request with { }, TestContext.Current.CancellationToken);
        await _factory.WithDbAsync(db => db.Subscriptions.ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, SubscriptionStatus.Confirmed)));
        var confirmed = await client.PostAsJsonAsync("/api/notifications/subscriptions",
            new { email = "ann@example.org", topics = new[] { "awards" }, frequency = "daily" }, TestContext.Current.CancellationToken);

        foreach (var response in new[] { first, again, confirmed })
        {
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Null(response.Headers.Location);
        }

        var subscriber = Assert.Single(await _factory.WithDbAsync(db => db.Subscribers.Include(s => s.Subscription).ToListAsync()));
        Assert.Equal("Ann@Example.org", subscriber.Email);
        Assert.Equal("ann@example.org", subscriber.NormalizedEmail);
        Assert.Equal(["events", "news"], subscriber.Subscription!.Topics);
    }

    [Fact]
    public async Task A_request_stores_the_subscription_and_its_event_in_the_outbox_together()
    {
        var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/notifications/subscriptions")
        {
            Content = JsonContent.Create(new { email = "bob@example.org", topics = new[] { "volunteering" }, frequency = "immediately" }),
        };
        request.Headers.Add("Idempotency-Key", "retry-me");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/notifications/subscriptions")
        {
            Content = JsonContent.Create(new { email = "bob@example.org", topics = new[] { "volunteering" }, frequency = "immediately" }),
        };
        retry.Headers.Add("Idempotency-Key", "retry-me");
        var retried = await client.SendAsync(retry, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var events = await _factory.WithDbAsync(db => db.Set<OutboxMessage>().ToListAsync());
        var row = Assert.Single(events); // the retry with the same key added nothing
        Assert.Contains("SubscriptionRequested", row.MessageType);
        Assert.Contains("bob@example.org", row.Body);
    }

    [Fact]
    public async Task The_confirmation_email_is_sent_and_its_link_confirms_the_subscription()
    {
        var client = _factory.CreateClient();
        await client.PostAsJsonAsync("/api/notifications/subscriptions",
            new { email = "cara@example.org", topics = new[] { "news" }, frequency = "daily" }, TestContext.Current.CancellationToken);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (_factory.Emails.Sent.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        var (to, email) = Assert.Single(_factory.Emails.Sent);
        Assert.Equal("cara@example.org", to);
        var link = new Uri(email.TextBody.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http://", StringComparison.Ordinal)));
        Assert.Equal("/email-updates/confirm", link.AbsolutePath);
        var token = System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;

        var confirm = await client.PostAsJsonAsync("/api/notifications/subscriptions/confirm", new { token }, TestContext.Current.CancellationToken);
        var clickedAgain = await client.PostAsJsonAsync("/api/notifications/subscriptions/confirm", new { token }, TestContext.Current.CancellationToken);
        var forged = await client.GetAsync("/api/notifications/subscriptions/confirm?token=forged", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.OK, clickedAgain.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(SubscriptionStatus.Confirmed, await _factory.WithDbAsync(db => db.Subscriptions.Select(s => s.Status).SingleAsync()));
        var delivery = Assert.Single(await _factory.WithDbAsync(db => db.Deliveries.ToListAsync()));
        Assert.Equal(Delivery.DeliveryStatus.Sent, delivery.Status);
    }

    [Fact]
    public async Task Topics_lists_the_catalogue()
    {
        var topics = await _factory.CreateClient().GetFromJsonAsync<TopicsResponse>("/api/notifications/topics", TestContext.Current.CancellationToken);

        Assert.Equal(["news", "events", "volunteering", "awards"], topics!.Topics);
        Assert.Equal(["immediately", "daily", "weekly"], topics.Frequencies);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
