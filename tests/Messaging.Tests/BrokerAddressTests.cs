namespace Platform.Messaging.Tests;

public sealed class BrokerAddressTests
{
    [Fact]
    public void Parses_the_connection_string_the_AppHost_injects()
    {
        var broker = BrokerAddress.Parse("amqp://platform:s%40cret@127.0.0.1:45672");

        Assert.Equal("127.0.0.1", broker.Host);
        Assert.Equal(45672, broker.Port);
        Assert.Equal("/", broker.VirtualHost);
        Assert.Equal("platform", broker.Username);
        Assert.Equal("s@cret", broker.Password);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Host=localhost")]
    public void A_missing_or_malformed_connection_string_fails_with_the_setting_name(string? value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => BrokerAddress.Parse(value));
        Assert.Contains("ConnectionStrings:messaging", error.Message);
    }

    [Theory]
    [InlineData("Notifications", "notifications")]
    [InlineData("Platform.Notifications", "platform-notifications")]
    [InlineData("AwardsService", "awards-service")]
    public void Endpoint_prefix_defaults_to_the_application_name_in_kebab_case(string name, string expected)
    {
        Assert.Equal(expected, MessagingHostBuilderExtensions.KebabCase(name));
    }

    [Fact]
    public void Dead_letter_administration_only_accepts_this_services_queues()
    {
        var registry = new ReceiveEndpointRegistry();
        registry.Add("notifications-send-subscription-confirmation");

        Assert.True(registry.TryResolveSourceQueue("notifications-send-subscription-confirmation_error", out var source));
        Assert.Equal("notifications-send-subscription-confirmation", source);
        Assert.False(registry.TryResolveSourceQueue("awards-something_error", out _));
    }
}

public sealed class EndpointNameTests
{
    [Fact]
    public void Queues_are_prefixed_with_the_service_name_so_each_service_gets_its_own()
    {
        var formatter = new MassTransit.KebabCaseEndpointNameFormatter("notifications", includeNamespace: false);

        Assert.Equal("notifications-create-widget", formatter.Consumer<CreateWidget>());
    }
}
