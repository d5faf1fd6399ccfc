using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests.Discovery;

public sealed class ServiceDiscoveryHandlerTests
{
    [Fact]
    public async Task An_http_client_with_a_logical_base_address_reaches_the_configured_endpoint()
    {
        var network = new ScriptedHandler(_ => new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["services:events:http:0"] = "http://127.0.0.1:5101" })
            .Build());
        services.AddHttpClient("events", client => client.BaseAddress = new Uri("https+http://events"))
            .ConfigurePrimaryHttpMessageHandler(() => network)
            .AddServiceDiscovery();
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("events");
        using var response = await client.GetAsync("/api/events/7?x=1", TestContext.Current.CancellationToken);

        Assert.Equal(new Uri("http://127.0.0.1:5101/api/events/7?x=1"), Assert.Single(network.RequestUris));
    }
}
