using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

namespace Platform.Gateway.Routing;

/// <summary>
/// Builds YARP's routes and clusters in code, each cluster's one destination a logical address that service discovery
/// resolves (AddServiceDiscoveryDestinationResolver). A service the AppHost gave no address is left out with a
/// warning, so the gateway still starts (and serves the rest) in a partial platform rather than answering its routes
/// with a failed DNS lookup of the bare name.
/// </summary>
internal static class ProxyConfigFactory
{
    // Prefer https when the AppHost offers it, http otherwise (Aspire's scheme for that).
    private const string PreferredScheme = "https+http";

    // Active: the service's liveness endpoint, so a stopped service is noticed without traffic and traffic resumes
    // within seconds of its return. Passive: a destination failing real requests is taken out for a short while.
    private static readonly HealthCheckConfig HealthChecks = new()
    {
        Active = new ActiveHealthCheckConfig
        {
            Enabled = true,
            Interval = TimeSpan.FromSeconds(5),
            Timeout = TimeSpan.FromSeconds(3),
            Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
            Path = "/alive",
        },
        Passive = new PassiveHealthCheckConfig
        {
            Enabled = true,
            Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
            ReactivationPeriod = TimeSpan.FromSeconds(10),
        },
    };

    public static InMemoryConfigProvider Create(IConfiguration configuration, TimeSpan upstreamTimeout, ILogger logger)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();

        foreach (var service in ServiceRoutes.Services)
        {
            // Where service discovery's configuration provider looks: services:{service}:{endpoint}:{index}.
            if (!configuration.GetSection($"services:{service}").Exists())
            {
                logger.LogWarning(
                    "No address for service {Service} (configuration services:{Service}:http:0); /api/{Service}/ is not routed.",
                    service, service, service);
                continue;
            }

            var address = $"{PreferredScheme}://{service}";

            routes.Add(new RouteConfig
            {
                RouteId = service,
                ClusterId = service,
                Match = new RouteMatch { Path = ServiceRoutes.PathPattern(service) },
            });
            clusters.Add(new ClusterConfig
            {
                ClusterId = service,
                Destinations = new Dictionary<string, DestinationConfig>
                {
                    [$"{service}-0"] = new() { Address = address },
                },
                HttpRequest = new ForwarderRequestConfig { ActivityTimeout = upstreamTimeout },
                HealthCheck = HealthChecks,
            });

            logger.LogInformation("Routing /api/{Service}/ to {Address}", service, address);
        }

        if (configuration.GetSection($"services:{Site.SiteRoute.ClusterId}").Exists())
        {
            routes.Add(Site.SiteRoute.Route);
            clusters.Add(new ClusterConfig
            {
                ClusterId = Site.SiteRoute.ClusterId,
                Destinations = new Dictionary<string, DestinationConfig>
                {
                    [$"{Site.SiteRoute.ClusterId}-0"] = new() { Address = $"{PreferredScheme}://{Site.SiteRoute.ClusterId}" },
                },
                HttpRequest = new ForwarderRequestConfig { ActivityTimeout = upstreamTimeout },
                HealthCheck = HealthChecks,
            });
            logger.LogInformation("Routing the web site's pages (/) to {Address}", $"{PreferredScheme}://{Site.SiteRoute.ClusterId}");
        }

        return new InMemoryConfigProvider(routes, clusters);
    }
}
