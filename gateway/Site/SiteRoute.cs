using Yarp.ReverseProxy.Configuration;

namespace Platform.Gateway.Site;

/// <summary>
/// The public web site (web/) behind the edge at "/": everything the gateway does not answer itself and no service
/// owns. Its route has the lowest precedence, so /api/{service}, /docs, /gateway and the health endpoints keep theirs;
/// unknown /api and /gateway paths stay the gateway's 404 ProblemDetails (<see cref="SiteExtensions.MapApiNotFound"/>).
/// </summary>
internal static class SiteRoute
{
    public const string ClusterId = "web";

    /// <summary>Whether the request is being proxied to the site (false for the gateway's own endpoints).</summary>
    public static bool IsSite(HttpContext context) =>
        context.Features.Get<Yarp.ReverseProxy.Model.IReverseProxyFeature>()?.Route.Config.ClusterId == ClusterId;

    /// <summary>Paths the site never serves: the gateway's own and the APIs'.</summary>
    public static bool IsEdgePath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/gateway") || path.StartsWithSegments("/docs");

    public static RouteConfig Route => new()
    {
        RouteId = "site",
        ClusterId = ClusterId,
        // After every other route and endpoint.
        Order = int.MaxValue,
        Match = new RouteMatch { Path = "/{**page}" },
    };
}
