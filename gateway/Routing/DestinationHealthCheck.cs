using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Platform.Gateway.Routing;

/// <summary>
/// The gateway's view of each service, from YARP's active and passive checks. An unhealthy service makes the
/// gateway Degraded, not Unhealthy: the gateway itself still works and serves the other services.
/// </summary>
internal sealed class DestinationHealthCheck(IProxyStateLookup proxyState) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>();
        var unhealthy = new List<string>();
        foreach (var cluster in proxyState.GetClusters())
        {
            foreach (var destination in cluster.Destinations.Values)
            {
                var health = Describe(destination.Health);
                data[destination.DestinationId] = health;
                if (health == "Unhealthy")
                {
                    unhealthy.Add(destination.DestinationId);
                }
            }
        }

        var result = unhealthy.Count == 0
            ? HealthCheckResult.Healthy("Every destination is healthy or not yet probed.", data)
            : HealthCheckResult.Degraded($"Unhealthy: {string.Join(", ", unhealthy)}.", data: data);
        return Task.FromResult(result);
    }

    private static string Describe(DestinationHealthState health) =>
        health.Active == DestinationHealth.Unhealthy || health.Passive == DestinationHealth.Unhealthy ? "Unhealthy"
        : health.Active == DestinationHealth.Healthy ? "Healthy"
        : "Unknown";
}
