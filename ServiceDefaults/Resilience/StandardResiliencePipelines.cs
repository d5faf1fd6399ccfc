using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Platform.ServiceDefaults.Resilience;

/// <summary>
/// One pipeline per named HttpClient, kept for the life of the app. IHttpClientFactory recycles handlers every
/// couple of minutes; if each handler built its own pipeline, the circuit breaker's failure history and the
/// concurrency limiter's count would be thrown away with it.
/// </summary>
internal sealed class StandardResiliencePipelines(
    IOptionsMonitor<HttpStandardResilienceOptions> options,
    TimeProvider time) : IDisposable
{
    internal static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("Platform.HttpRequestMessage");

    private readonly ConcurrentDictionary<string, Lazy<(ResiliencePipeline<HttpResponseMessage> Pipeline, RateLimiter Limiter)>> _pipelines = new();

    public ResiliencePipeline<HttpResponseMessage> For(string clientName) =>
        _pipelines.GetOrAdd(clientName, name => new(() => Build(options.Get(name)))).Value.Pipeline;

    public void Dispose()
    {
        foreach (var entry in _pipelines.Values.Where(l => l.IsValueCreated))
        {
            entry.Value.Limiter.Dispose();
        }
    }

    private (ResiliencePipeline<HttpResponseMessage>, RateLimiter) Build(HttpStandardResilienceOptions settings)
    {
        var limiter = new ConcurrencyLimiter(settings.RateLimiter.DefaultRateLimiterOptions);

        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddStrategy(_ => new ConcurrencyLimiterStrategy(limiter))
            .AddTimeout(settings.TotalRequestTimeout)
            .AddRetry(RetryFor(settings.Retry))
            .AddCircuitBreaker(settings.CircuitBreaker)
            .AddTimeout(settings.AttemptTimeout)
            .Build();

        return (pipeline, limiter);
    }

    // A copy, so the options instance (which the options system may hand out again) is never wrapped twice.
    private RetryStrategyOptions<HttpResponseMessage> RetryFor(HttpRetryStrategyOptions configured)
    {
        var shouldHandle = configured.ShouldHandle;
        var delayGenerator = configured.DelayGenerator;
        var honourRetryAfter = configured.ShouldRetryAfterHeader;

        return new RetryStrategyOptions<HttpResponseMessage>
        {
            Name = configured.Name,
            MaxRetryAttempts = configured.MaxRetryAttempts,
            BackoffType = configured.BackoffType,
            UseJitter = configured.UseJitter,
            Delay = configured.Delay,
            MaxDelay = configured.MaxDelay,
            OnRetry = configured.OnRetry,
            Randomizer = configured.Randomizer,
            ShouldHandle = args =>
                ReplayableRequest.CanResend(args.Context.Properties.GetValue(RequestKey, null!))
                    ? shouldHandle(args)
                    : ValueTask.FromResult(false),
            DelayGenerator = args =>
                honourRetryAfter && RetryAfter.From(args.Outcome.Result, time) is { } serverDelay
                    ? ValueTask.FromResult<TimeSpan?>(serverDelay)
                    : delayGenerator?.Invoke(args) ?? ValueTask.FromResult<TimeSpan?>(null),
        };
    }
}
