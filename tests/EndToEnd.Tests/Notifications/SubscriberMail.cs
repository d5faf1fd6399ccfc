using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using MassTransit;
using Platform.AppHost.Hosting.Resources;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests.Notifications;

/// <summary>What the end-to-end notification tests do as the public and as staff, and how they read what arrived.</summary>
internal static partial class SubscriberMail
{
    public static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Signs up through the gateway, follows the emailed link; returns once confirmed.</summary>
    public static async Task SubscribeAsync(this PlatformFixture platform, HttpClient publicClient, string email, string[] topics, string frequency)
    {
        using var response = await publicClient.PostAsJsonAsync("/api/notifications/subscriptions", new { email, topics, frequency }, Cancel);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var confirmation = await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(email), MailTimeout);
        var link = SubscriptionFlowTests.ConfirmationLink(confirmation);
        using var confirmed = await publicClient.PostAsJsonAsync("/api/notifications/subscriptions/confirm",
            new { token = SubscriptionFlowTests.ConfirmationToken(link) }, Cancel);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
    }

    public static async Task<Guid> PublishNewsAsync(this PlatformFixture platform, string title, string topic = "news", string? district = null, string body = "Read **all** about it.")
    {
        var staff = await platform.LoginAsStaffAsync();
        var draft = await platform.Gateway.SendAsync(HttpMethod.Post, "/api/notifications/news", staff, new { title, body, topic, district });
        var id = draft.GetProperty("id").GetGuid();
        await platform.Gateway.SendAsync(HttpMethod.Post, $"/api/notifications/news/{id}/publish", staff);
        return id;
    }

    public static IReadOnlyList<ReceivedMessage> To(this PlatformFixture platform, string email) =>
        platform.App.GetMailbox("mail").Messages().Where(m => m.IsTo(email)).ToList();

    /// <summary>The message with quoted-printable soft breaks and "=3D" undone, for finding links and text.</summary>
    public static string Decoded(this ReceivedMessage message) =>
        message.Raw.Replace("=\r\n", "").Replace("=\n", "").Replace("=3D", "=");

    /// <summary>The subject, decoded if System.Net.Mail encoded it (RFC 2047).</summary>
    public static string DecodedSubject(this ReceivedMessage message)
    {
        var subject = message.Subject ?? "";
        return EncodedWord().Replace(subject, m => m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[3].Value))
            : m.Groups[3].Value.Replace('_', ' ')).Replace("?= =?", "");
    }

    /// <summary>
    /// Publishes an event straight onto the platform's broker, as another service's outbox relay would: by default with
    /// the broker login of the service that owns the event's type (Platform.Contracts.Awards → "awards"), saying so in
    /// the user_id the broker validates. <paramref name="login"/> names another resource's connection ("messaging" is the
    /// administrator's, "messaging-events" Events' login); <paramref name="claimedPublisher"/> another user_id to claim.
    /// </summary>
    public static async Task PublishToBrokerAsync<T>(this PlatformFixture platform, T message, Guid messageId,
        string? login = null, string? claimedPublisher = null) where T : class
    {
        var owner = typeof(T).Namespace!.Split('.')[2].ToLowerInvariant();
        var broker = new Uri(platform.App.GetConnectionString(login ?? $"messaging-{owner}"));
        var credentials = Uri.UnescapeDataString(broker.UserInfo).Split(':', 2);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(broker.Host, (ushort)broker.Port, "/", h =>
            {
                h.Username(credentials[0]);
                h.Password(credentials[1]);
            });
            // As the services' own buses: only names a service's login may declare.
            cfg.OverrideDefaultBusEndpointQueueName($"{credentials[0]}-test-bus-{Guid.NewGuid():N}");
            cfg.Publish<Platform.Contracts.IntegrationEvent>(p => p.Exclude = true);
        });
        await bus.StartAsync(Cancel);
        try
        {
            await bus.Publish(message, context =>
            {
                context.MessageId = messageId;
                if (context.TryGetPayload<RabbitMqSendContext>(out var send)) send.BasicProperties.UserId = claimedPublisher ?? credentials[0];
            }, Cancel);
        }
        finally
        {
            await bus.StopAsync(Cancel);
        }
    }

    [GeneratedRegex(@"=\?(utf-8)\?([BQ])\?([^?]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();
}
