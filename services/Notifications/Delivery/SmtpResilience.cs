using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Platform.Notifications.Delivery;

/// <summary>
/// One pipeline shared by every sender, so they share one circuit: retries with exponential backoff and jitter for
/// transient failures, inside which a circuit breaker opens when most recent sends fail. While it is open no sender
/// dials the server (an outage pauses sending instead of burning every message's retries); after the break one trial
/// send decides whether to close it.
/// </summary>
public sealed class SmtpResilience
{
    public SmtpResilience(IOptions<DeliveryOptions> options, TimeProvider timeProvider)
    {
        var settings = options.Value;
        var transient = new PredicateBuilder().Handle<Exception>(SmtpFailures.IsTransient);
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (settings.RetriesPerAttempt > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = settings.RetriesPerAttempt,
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        Pipeline = builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(10),
                BreakDuration = settings.BreakDuration,
            })
            .Build();
    }

    public ResiliencePipeline Pipeline { get; }

    public static bool IsOpenCircuit(Exception e) => e is BrokenCircuitException;
}
