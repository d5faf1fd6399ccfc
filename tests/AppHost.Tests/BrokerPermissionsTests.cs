using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.AppHost.Hosting.RabbitMQ;

namespace Platform.AppHost.Tests;

/// <summary>Each service's broker login reaches its own queues and events and the events it subscribes to, and nothing else.</summary>
public sealed class BrokerPermissionsTests
{
    private static readonly BrokerPermissions Notifications = BrokerPermissions.ForService("notifications", ["Platform.Contracts.Awards:WinnersAnnounced"]);
    private static readonly BrokerPermissions Events = BrokerPermissions.ForService("events", []);

    [Theory]
    // Its own endpoints (queue, exchange, error and skipped queues, the bus's reply queue) and its own types' exchanges.
    [InlineData("notifications-tell-subscribers-of-winners", true, true, true)]
    [InlineData("notifications-tell-subscribers-of-winners_error", true, true, true)]
    [InlineData("notifications-bus-0194f9a41c2d7e3f8a9b0c1d2e3f4a5b", true, true, true)]
    [InlineData("Platform.Contracts.Notifications:SubscriptionRequested", true, true, true)]
    [InlineData("Platform.Notifications.IntegrationEvents.Events:EventReminderEmailDue", true, true, true)]
    // What it subscribes to: declared and read, never written.
    [InlineData("Platform.Contracts.Awards:WinnersAnnounced", true, false, true)]
    // Anything else: another service's events and queues, the default exchange, the IntegrationEvent base, faults.
    [InlineData("Platform.Contracts.Awards:NominationReceived", false, false, false)]
    [InlineData("awards-record-milestone-suggestion", false, false, false)]
    [InlineData("amq.default", false, false, false)]
    [InlineData("", false, false, false)]
    [InlineData("Platform.Contracts:IntegrationEvent", false, false, false)]
    [InlineData("MassTransit:Fault--Platform.Contracts.Awards:WinnersAnnounced--", false, false, false)]
    [InlineData("xnotifications-queue", false, false, false)]
    public void Notifications_may_touch_only_its_own_names_and_its_subscriptions(string resource, bool configure, bool write, bool read) =>
        Assert.Equal((configure, write, read), Allowed(Notifications, resource));

    [Theory]
    [InlineData("Platform.Contracts.Events:RegistrationConfirmed", true, true, true)]
    [InlineData("events-bus-0194f9a41c2d7e3f8a9b0c1d2e3f4a5b", true, true, true)]
    [InlineData("Platform.Contracts.Awards:WinnersAnnounced", false, false, false)]
    [InlineData("notifications-tell-subscribers-of-winners", false, false, false)]
    [InlineData("Platform.Contracts.EventsExtra:Anything", false, false, false)]
    public void Events_writes_its_own_events_and_nothing_that_reaches_another_service(string resource, bool configure, bool write, bool read) =>
        Assert.Equal((configure, write, read), Allowed(Events, resource));

    [Fact]
    public void Only_a_consuming_service_may_keep_another_publisher_on_the_messages_it_moves_to_its_error_queues()
    {
        Assert.True(Notifications.Impersonator);
        Assert.False(Events.Impersonator);
    }

    [Fact]
    public void The_definitions_carry_every_login_with_a_salted_hash_and_its_permissions()
    {
        var json = JsonDocument.Parse(BrokerDefinitions.Json("platform", "admin-secret", [("events", "events-secret", Events)])).RootElement;

        var users = json.GetProperty("users").EnumerateArray().ToDictionary(u => u.GetProperty("name").GetString()!);
        Assert.Equal(["platform", "events"], users.Keys);
        Assert.Equal("administrator", Assert.Single(users["platform"].GetProperty("tags").EnumerateArray()).GetString());
        Assert.DoesNotContain("events-secret", json.GetRawText());
        var hash = Convert.FromBase64String(users["events"].GetProperty("password_hash").GetString()!);
        Assert.Equal(BrokerDefinitions.PasswordHash("events-secret", hash[..4]), Convert.ToBase64String(hash));
        var permission = json.GetProperty("permissions").EnumerateArray().Single(p => p.GetProperty("user").GetString() == "events");
        Assert.Equal(Events.Write, permission.GetProperty("write").GetString());
    }

    [Fact]
    public void The_password_hash_is_RabbitMQs_salted_sha256()
    {
        // rabbit_password_hashing_sha256 for "test12" with salt 908D C60A, from RabbitMQ's documentation.
        Assert.Equal("kI3GCqW5JLMJa4iX1lo7X4D6XbYqlLgxIs30+P6tENUV2POR", BrokerDefinitions.PasswordHash("test12", [0x90, 0x8D, 0xC6, 0x0A]));
    }

    private static (bool, bool, bool) Allowed(BrokerPermissions permissions, string resource) =>
        (Regex.IsMatch(resource, permissions.Configure), Regex.IsMatch(resource, permissions.Write), Regex.IsMatch(resource, permissions.Read));
}
