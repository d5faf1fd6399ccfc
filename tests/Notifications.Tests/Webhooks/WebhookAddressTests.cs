using System.Net;
using Platform.Notifications.Webhooks;

namespace Platform.Notifications.Tests.Webhooks;

/// <summary>Server-side request forgery: a partner's URL never points this service into the internal network.</summary>
public sealed class WebhookAddressTests
{
    [Theory]
    [InlineData("http://partner.example/hooks")]          // not https
    [InlineData("https://10.1.2.3/hooks")]
    [InlineData("https://172.20.0.1/hooks")]
    [InlineData("https://192.168.1.10/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data")]   // cloud metadata
    [InlineData("https://100.64.0.1/hooks")]
    [InlineData("https://127.0.0.1/hooks")]
    [InlineData("https://localhost/hooks")]
    [InlineData("https://[::1]/hooks")]
    [InlineData("https://[fd00::1]/hooks")]
    [InlineData("https://[::ffff:10.0.0.1]/hooks")]
    [InlineData("https://user:pass@partner.example/hooks")]
    [InlineData("/relative")]
    public void Internal_addresses_and_plain_http_are_refused_in_production(string url) =>
        Assert.NotNull(new WebhookAddresses(allowLoopback: false).RefusalOf(url));

    [Fact]
    public void A_public_https_url_is_accepted_and_loopback_only_where_configured()
    {
        var production = new WebhookAddresses(allowLoopback: false);
        var testPlatform = new WebhookAddresses(allowLoopback: true);

        Assert.Null(production.RefusalOf("https://partner.example/hooks"));
        Assert.Null(production.RefusalOf("https://203.0.113.7:8443/hooks"));
        Assert.Null(testPlatform.RefusalOf("http://127.0.0.1:5000/hooks"));
        Assert.NotNull(testPlatform.RefusalOf("http://10.0.0.1/hooks"));   // only loopback is let in
        Assert.False(production.IsAllowed(IPAddress.Loopback));
        Assert.True(testPlatform.IsAllowed(IPAddress.Loopback));
        Assert.False(testPlatform.IsAllowed(IPAddress.Parse("192.168.0.1")));
    }
}
