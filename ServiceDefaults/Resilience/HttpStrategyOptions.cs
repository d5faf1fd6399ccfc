using System.Threading.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Platform.ServiceDefaults.Resilience;

/// <summary>Retry with the standard handler's defaults: 3 retries, exponential 2 s backoff with jitter.</summary>
public sealed class HttpRetryStrategyOptions : RetryStrategyOptions<HttpResponseMessage>
{
    public HttpRetryStrategyOptions()
    {
        ShouldHandle = args => ValueTask.FromResult(HttpTransientFailures.IsTransient(args.Outcome));
        BackoffType = DelayBackoffType.Exponential;
        UseJitter = true;
        MaxRetryAttempts = 3;
        Delay = TimeSpan.FromSeconds(2);
    }

    /// <summary>When the server says how long to wait (Retry-After), wait that long instead of the backoff.</summary>
    public bool ShouldRetryAfterHeader { get; set; } = true;
}

public sealed class HttpCircuitBreakerStrategyOptions : CircuitBreakerStrategyOptions<HttpResponseMessage>
{
    public HttpCircuitBreakerStrategyOptions()
    {
        ShouldHandle = args => ValueTask.FromResult(HttpTransientFailures.IsTransient(args.Outcome));
        FailureRatio = 0.1;
        MinimumThroughput = 100;
        SamplingDuration = TimeSpan.FromSeconds(30);
        BreakDuration = TimeSpan.FromSeconds(5);
    }
}

public sealed class HttpTimeoutStrategyOptions : TimeoutStrategyOptions;

/// <summary>
/// Polly.RateLimiting is not on the feed; this carries the same setting (a concurrency limiter, 1000 permits,
/// no queue) to <see cref="ConcurrencyLimiterStrategy"/>.
/// </summary>
public sealed class HttpRateLimiterStrategyOptions
{
    public ConcurrencyLimiterOptions DefaultRateLimiterOptions { get; set; } = new()
    {
        PermitLimit = 1000,
        QueueLimit = 0,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    };
}
