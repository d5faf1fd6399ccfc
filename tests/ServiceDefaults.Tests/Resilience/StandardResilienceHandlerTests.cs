using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Platform.ServiceDefaults.Tests.Support;
using Polly.CircuitBreaker;

namespace Platform.ServiceDefaults.Tests.Resilience;

/// <summary>Every HttpClient a service makes, with the standard resilience handler as AddServiceDefaults configures it.</summary>
public sealed class StandardResilienceHandlerTests
{
    private const string ClientName = "upstream";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<(HttpClient Client, WebApplication App)> ClientOverAsync(
        ScriptedHandler network, Action<HttpStandardResilienceOptions>? configure = null)
    {
        var app = await TestApp.StartAsync(_ => { }, TestApp.WithKey(TestKeys.NewSigningKey()), configureServices: services =>
        {
            services.AddHttpClient(ClientName, client => client.BaseAddress = new Uri("http://127.0.0.1:9"))
                .ConfigurePrimaryHttpMessageHandler(() => network);
            // Real delays, kept tiny. (Set for every client: under ConfigureHttpClientDefaults the options have no client's name.)
            services.PostConfigureAll<HttpStandardResilienceOptions>(options =>
            {
                options.Retry.Delay = TimeSpan.FromMilliseconds(1);
                options.Retry.UseJitter = false;
                configure?.Invoke(options);
            });
        });
        return (app.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName), app);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_and_the_later_success_returned()
    {
        var network = new ScriptedHandler(call => new HttpResponseMessage(call == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK));
        var (client, app) = await ClientOverAsync(network);
        await using var _ = app;

        using var response = await client.GetAsync("/x", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, network.Calls);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        var network = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.BadRequest));
        var (client, app) = await ClientOverAsync(network);
        await using var _ = app;

        using var response = await client.GetAsync("/x", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, network.Calls);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task A_write_is_never_retried(string method)
    {
        var network = new ScriptedHandler(call => new HttpResponseMessage(call == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK));
        var (client, app) = await ClientOverAsync(network);
        await using var _ = app;

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/x") { Content = new StringContent("{}") }, Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, network.Calls);
    }

    [Fact]
    public async Task The_circuit_opens_after_enough_failures_for_every_client_of_that_name()
    {
        var network = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        var (client, app) = await ClientOverAsync(network, options =>
        {
            options.Retry.MaxRetryAttempts = 1;
            options.CircuitBreaker.MinimumThroughput = 2;
            options.CircuitBreaker.FailureRatio = 0.5;
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
            options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
        });
        await using var _ = app;

        using (var first = await client.GetAsync("/x", Cancel))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        }

        Assert.Equal(2, network.Calls);
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync("/x", Cancel));

        // IHttpClientFactory hands out new handlers over time; the circuit belongs to the name, not the instance.
        var anotherClient = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient(ClientName);
        await Assert.ThrowsAsync<BrokenCircuitException>(() => anotherClient.GetAsync("/x", Cancel));
        Assert.Equal(2, network.Calls);
    }
}
