namespace Platform.ServiceDefaults.Resilience;

/// <summary>
/// Same shape and defaults as Microsoft.Extensions.Http.Resilience's options of the same name (that package is
/// not on the feed). Strategies run outermost first: rate limiter, total timeout, retry, circuit breaker,
/// attempt timeout.
/// </summary>
public sealed class HttpStandardResilienceOptions
{
    public HttpRateLimiterStrategyOptions RateLimiter { get; set; } = new();

    public HttpTimeoutStrategyOptions TotalRequestTimeout { get; set; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public HttpRetryStrategyOptions Retry { get; set; } = new();

    public HttpCircuitBreakerStrategyOptions CircuitBreaker { get; set; } = new();

    public HttpTimeoutStrategyOptions AttemptTimeout { get; set; } = new() { Timeout = TimeSpan.FromSeconds(10) };
}
