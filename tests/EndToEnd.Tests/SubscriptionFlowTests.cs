using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.AppHost.Hosting.Resources;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The flow that crosses every layer: the gateway, Notifications and its database, the outbox relay, RabbitMQ, the
/// consumer, and SMTP into the sink's mailbox.
/// </summary>
public sealed partial class SubscriptionFlowTests(PlatformFixture platform)
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_sign_up_through_the_gateway_ends_with_a_confirmation_email_whose_link_confirms()
    {
        var email = Addresses.Unique("Sign.Up");
        using var response = await platform.Gateway.PostAsJsonAsync("/api/notifications/subscriptions",
            new { email, topics = new[] { "news", "volunteering" }, frequency = "weekly" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var message = await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(email), MailTimeout);
        Assert.Contains("confirm", message.Subject, StringComparison.OrdinalIgnoreCase);
        var link = ConfirmationLink(message);

        // The link opens the site's page (it confirms nothing); its button posts the token to the API.
        Assert.Equal("/email-updates/confirm", link.AbsolutePath);
        using var confirmed = await platform.Gateway.PostAsJsonAsync("/api/notifications/subscriptions/confirm",
            new { token = ConfirmationToken(link) }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Equal(1, await platform.App.CountAsync("notificationsdb",
            "SELECT count(*) FROM subscription s JOIN subscriber r ON r.id = s.subscriber_id WHERE r.normalized_email = @e AND s.status = 'Confirmed'",
            ("e", email.ToLowerInvariant())));
    }

    [Fact]
    public async Task The_sign_up_answers_the_same_for_a_new_a_pending_and_a_subscribed_address()
    {
        using var publicClient = platform.CreatePublicClient();
        var subscribed = Addresses.Unique("Already");
        var pending = Addresses.Unique("Pending");
        var fresh = Addresses.Unique("Fresh");
        await Notifications.SubscriberMail.SubscribeAsync(platform, publicClient, subscribed, ["news"], "weekly");
        using (var first = await publicClient.PostAsJsonAsync("/api/notifications/subscriptions",
            new { email = pending, topics = new[] { "news" }, frequency = "weekly" }, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        var answers = new List<(HttpStatusCode Status, string Body, string? Location)>();
        foreach (var email in new[] { fresh, pending, subscribed.ToUpperInvariant() })
        {
            using var response = await publicClient.PostAsJsonAsync("/api/notifications/subscriptions",
                new { email, topics = new[] { "news", "awards" }, frequency = "daily" }, TestContext.Current.CancellationToken);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Headers.Location?.ToString()));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.Accepted, "", (string?)null), a));
        // The subscribed address is stored once, unchanged, and is sent no second confirmation.
        Assert.Equal(1, await platform.App.CountAsync("notificationsdb",
            "SELECT count(*) FROM subscriber r JOIN subscription s ON s.subscriber_id = r.id WHERE r.normalized_email = @e AND s.frequency = 'weekly' AND s.status = 'Confirmed'",
            ("e", subscribed.ToLowerInvariant())));
        await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(fresh), MailTimeout);
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.Single(platform.App.GetMailbox("mail").Messages(), m => m.IsTo(subscribed));
    }

    [Fact]
    public async Task Bad_input_gets_a_problem_naming_the_fields_and_stores_nothing()
    {
        var before = await platform.App.CountAsync("notificationsdb", "SELECT count(*) FROM subscriber");
        using var response = await platform.Gateway.PostAsJsonAsync("/api/notifications/subscriptions",
            new { email = "not-an-address", topics = new[] { "gossip" }, frequency = "hourly" }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("topics", out _));
        Assert.True(errors.TryGetProperty("frequency", out _));
        Assert.Equal(before, await platform.App.CountAsync("notificationsdb", "SELECT count(*) FROM subscriber"));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        using var content = new StringContent("{\"email\": ", System.Text.Encoding.UTF8, "application/json");
        using var response = await platform.Gateway.PostAsync("/api/notifications/subscriptions", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    internal static Uri ConfirmationLink(ReceivedMessage message)
    {
        // The plain-text part is quoted-printable: undo soft line breaks and "=3D" before looking for the link.
        var text = message.Raw.Replace("=\r\n", "").Replace("=\n", "").Replace("=3D", "=");
        var match = LinkPattern().Match(text);
        Assert.True(match.Success, "no confirmation link in the email");
        return new Uri(match.Value);
    }

    internal static string ConfirmationToken(Uri link) => System.Web.HttpUtility.ParseQueryString(link.Query)["token"]!;

    [GeneratedRegex(@"https?://[^\s""<>]+/email-updates/confirm\?token=[A-Za-z0-9_\-]+")]
    private static partial Regex LinkPattern();
}
