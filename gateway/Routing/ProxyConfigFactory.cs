using Platform.ServiceDefaults.Discovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

namespace Platform.Gateway.Routing;

/// <summary>
/// Builds YARP's routes and clusters in code from service discovery. A service without a configured address
/// is left out with a warning, so the gateway still starts (and serves the rest) in a partial platform.
/// </summary>
internal static class ProxyConfigFactory
{
    // Prefer https when the AppHost offers it, as Aspire's "https+http" scheme does.
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

    public static InMemoryConfigProvider Create(ServiceEndpointResolver resolver, TimeSpan upstreamTimeout, ILogger logger)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();

        foreach (var service in ServiceRoutes.Services)
        {
            var address = resolver.Resolve(service, PreferredScheme);
            if (address is null)
            {
                logger.LogWarning(
                    "No address for service {Service} (configuration {ConfigKey}); /api/{Service}/ is not routed.",
                    service, ServiceEndpointResolver.ConfigKey(service, "http"), service);
                continue;
            }

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
                    [$"{service}-0"] = new() { Address = address.ToString() },
                },
                HttpRequest = new ForwarderRequestConfig { ActivityTimeout = upstreamTimeout },
                HealthCheck = HealthChecks,
            });

            logger.LogInformation("Routing /api/{Service}/ to {Address}", service, address);
        }

        return new InMemoryConfigProvider(routes, clusters);
    }
}
