using System.Threading.RateLimiting;
using Polly;

namespace Platform.ServiceDefaults.Resilience;

/// <summary>
/// The outermost step: caps requests in flight per client so one slow dependency cannot exhaust sockets and
/// threads. Written by hand because Polly.RateLimiting is not on the feed.
/// </summary>
internal sealed class ConcurrencyLimiterStrategy(RateLimiter limiter) : ResilienceStrategy
{
    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback,
        ResilienceContext context,
        TState state)
    {
        using var lease = await limiter.AcquireAsync(1, context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
        if (!lease.IsAcquired)
        {
            return Outcome.FromException<TResult>(new RateLimiterRejectedException(
                "The HTTP client's concurrency limit was reached; the request was not sent."));
        }

        return await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
    }
}
