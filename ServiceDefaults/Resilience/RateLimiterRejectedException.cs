using Polly;

namespace Platform.ServiceDefaults.Resilience;

/// <summary>Stands in for Polly.RateLimiting's exception of the same name: the client had too many calls in flight.</summary>
public sealed class RateLimiterRejectedException(string message) : ExecutionRejectedException(message);
