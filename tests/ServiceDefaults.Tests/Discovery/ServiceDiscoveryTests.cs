using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests.Discovery;

public sealed class ServiceDiscoveryTests
{
    [Fact]
    public async Task Every_http_client_reaches_a_logical_name_at_the_address_the_apphost_configured()
    {
        var network = new ScriptedHandler(_ => new HttpResponseMessage(System.Net.HttpStatusCode.OK));
        var configuration = TestApp.WithKey(TestKeys.NewSigningKey());
        configuration["services:events:http:0"] = "http://127.0.0.1:5101";
        await using var app = await TestApp.StartAsync(_ => { }, configuration, configureServices: services =>
            services.AddHttpClient("events", client => client.BaseAddress = new Uri("https+http://events"))
                .ConfigurePrimaryHttpMessageHandler(() => network));

        var client = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient("events");
        using var response = await client.GetAsync("/api/events/7?x=1", TestContext.Current.CancellationToken);

        Assert.Equal(new Uri("http://127.0.0.1:5101/api/events/7?x=1"), Assert.Single(network.RequestUris));
    }
}
