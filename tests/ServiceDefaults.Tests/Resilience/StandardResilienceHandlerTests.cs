using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Resilience;
using Platform.ServiceDefaults.Tests.Support;
using Polly.CircuitBreaker;

namespace Platform.ServiceDefaults.Tests.Resilience;

public sealed class StandardResilienceHandlerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Real delays, kept tiny, so the tests exercise the actual pipeline rather than a fake clock.
    private static void Fast(HttpStandardResilienceOptions options)
    {
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.UseJitter = false;
    }

    private static (HttpClient Client, ServiceProvider Provider) ClientOver(
        ScriptedHandler network, Action<HttpStandardResilienceOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddHttpClient("upstream", client => client.BaseAddress = new Uri("http://127.0.0.1:9"))
            .ConfigurePrimaryHttpMessageHandler(() => network)
            .AddStandardResilienceHandler(configure);
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<IHttpClientFactory>().CreateClient("upstream"), provider);
    }

    [Fact]
    public async Task Retries_a_503_and_returns_the_later_success()
    {
        var network = new ScriptedHandler(call => new HttpResponseMessage(call == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK));
        var (client, provider) = ClientOver(network, Fast);
        using var _ = provider;

        using var response = await client.GetAsync("/x", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, network.Calls);
    }

    [Fact]
    public async Task Gives_up_after_three_retries()
    {
        var network = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.BadGateway));
        var (client, provider) = ClientOver(network, Fast);
        using var _ = provider;

        using var response = await client.GetAsync("/x", Cancel);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(4, network.Calls);
    }

    [Fact]
    public async Task Does_not_retry_a_client_error()
    {
        var network = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.BadRequest));
        var (client, provider) = ClientOver(network, Fast);
        using var _ = provider;

        using var response = await client.GetAsync("/x", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, network.Calls);
    }

    [Fact]
    public async Task Honours_retry_after_instead_of_the_backoff()
    {
        var network = new ScriptedHandler(call =>
        {
            if (call > 1)
            {
                return new HttpResponseMessage(HttpStatusCode.OK);
            }

            var busy = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            busy.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(1));
            return busy;
        });
        // A backoff this long would blow the total timeout, so success proves the header was used.
        var (client, provider) = ClientOver(network, options =>
        {
            options.Retry.Delay = TimeSpan.FromSeconds(20);
            options.Retry.UseJitter = false;
            options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(8);
        });
        using var _ = provider;

        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync("/x", Cancel);
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, network.Calls);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task Retries_an_attempt_that_times_out()
    {
        var network = new ScriptedHandler(async (call, _, token) =>
        {
            if (call == 1)
            {
                await Task.Delay(TimeSpan.FromSeconds(10), token);
            }

            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var (client, provider) = ClientOver(network, options =>
        {
            Fast(options);
            options.AttemptTimeout.Timeout = TimeSpan.FromMilliseconds(200);
        });
        using var _ = provider;

        using var response = await client.GetAsync("/x", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, network.Calls);
    }

    [Fact]
    public async Task Does_not_resend_a_forward_only_stream_body()
    {
        var network = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        var (client, provider) = ClientOver(network, Fast);
        using var _ = provider;

        using var body = new StreamContent(new MemoryStream([1, 2, 3]));
        using var response = await client.PostAsync("/x", body, Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, network.Calls);
    }

    [Fact]
    public async Task Resends_a_buffered_json_body()
    {
        var network = new ScriptedHandler(call => new HttpResponseMessage(call == 1 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.Created));
        var (client, provider) = ClientOver(network, Fast);
        using var _ = provider;

        using var response = await client.PostAsync("/x", new StringContent("{\"a\":1}"), Cancel);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(2, network.Calls);
    }

    [Fact]
    public async Task Circuit_opens_after_enough_failures_and_is_shared_by_every_client_of_that_name()
    {
        var network = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        var (client, provider) = ClientOver(network, options =>
        {
            Fast(options);
            options.Retry.MaxRetryAttempts = 1;
            options.CircuitBreaker.MinimumThroughput = 2;
            options.CircuitBreaker.FailureRatio = 0.5;
            options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(5);
            options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(5);
        });
        using var _ = provider;

        using (var first = await client.GetAsync("/x", Cancel))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        }

        Assert.Equal(2, network.Calls);
        await Assert.ThrowsAsync<BrokenCircuitException>(() => client.GetAsync("/x", Cancel));

        var anotherClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient("upstream");
        await Assert.ThrowsAsync<BrokenCircuitException>(() => anotherClient.GetAsync("/x", Cancel));
        Assert.Equal(2, network.Calls);
    }

    [Fact]
    public async Task Rejects_requests_beyond_the_concurrency_limit()
    {
        var release = new TaskCompletionSource();
        var network = new ScriptedHandler(async (_, _, token) =>
        {
            await release.Task.WaitAsync(token);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        var (client, provider) = ClientOver(network, options =>
        {
            Fast(options);
            options.RateLimiter.DefaultRateLimiterOptions.PermitLimit = 1;
        });
        using var _ = provider;

        var inFlight = client.GetAsync("/x", Cancel);
        await Assert.ThrowsAsync<RateLimiterRejectedException>(() => client.GetAsync("/x", Cancel));

        release.SetResult();
        using var response = await inFlight;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
