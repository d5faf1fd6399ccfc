using Microsoft.Extensions.DependencyInjection;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Hosting;

public static class LoopbackHttpExtensions
{
    /// <summary>
    /// The project serves HTTP itself on 127.0.0.1 (a free port unless <paramref name="port"/> is given), without DCP's
    /// proxy in front: the gateway limits callers by their address, which a proxy would hide, and each hop costs time
    /// (bench gateway-overhead). Healthy when /health says so (polled: <see cref="PolledHealthChecks"/>). Projects have no
    /// launch profile here, so the environment is set the way one would.
    /// </summary>
    /// <param name="replicas">
    /// Copies of the project (./platform up --replicas N). Above one, the chosen port is DCP's proxy, which spreads
    /// connections over the copies, each on a port of its own (Aspire's WithReplicas): the same address for callers.
    /// The gateway's callers on this machine are all on loopback either way; a proxy makes them all 127.0.0.1.
    /// </param>
    public static IResourceBuilder<ProjectResource> WithLoopbackHttpEndpoint(this IResourceBuilder<ProjectResource> builder, int? port = null, int replicas = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        var chosen = port ?? FreePort.Next();
        var healthCheck = $"{builder.Resource.Name}_health";
        var endpoint = replicas == 1
            ? builder.WithHttpEndpoint(port: chosen, targetPort: chosen, isProxied: false)
            : builder.WithHttpEndpoint(port: chosen, isProxied: true).WithReplicas(replicas);
        // Above one copy this is DCP's proxy, which answers for whichever copy it picks.
        var health = new Uri($"http://127.0.0.1:{chosen}/health");
        Func<CancellationToken, Task<bool>> probe = ct => Probes.HttpOkAsync(health, ct);
        builder.ApplicationBuilder.Services.AddHealthChecks().AddPolledCheck(healthCheck, probe, "/health did not answer 200");
        return endpoint
            .WithEndpoint("http", e => e.TargetHost = "127.0.0.1")
            // A local run is a development run, whatever the AppHost's own environment (the adjustable clock refuses any other).
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            // Healthy when its database and broker are (ServiceDefaults' /health), so WaitFor(project) means ready to serve.
            .WithHealthCheck(healthCheck);
    }
}
