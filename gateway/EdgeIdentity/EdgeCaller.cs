using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.EdgeIdentity;

/// <summary>The authenticated caller of this request, kept as a request feature for the rate limiter and the proxy.</summary>
public sealed record EdgeCaller(InternalIdentity Identity, int? PermitsPerMinute);

public static class EdgeCallerExtensions
{
    public static EdgeCaller? GetEdgeCaller(this HttpContext context) => context.Features.Get<EdgeCaller>();
}
