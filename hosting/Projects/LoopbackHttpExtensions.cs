using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Platform.AppHost.Hosting;

public static class LoopbackHttpExtensions
{
    /// <summary>
    /// The project serves HTTP itself on 127.0.0.1 (a free port unless <paramref name="port"/> is given), without DCP's
    /// proxy in front: the gateway limits callers by their address, which a proxy would hide, and each hop costs time
    /// (bench gateway-overhead). Healthy when /health says so. Projects have no launch profile here, so the environment is set the way one would.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithLoopbackHttpEndpoint(this IResourceBuilder<ProjectResource> builder, int? port = null)
    {
        var chosen = port ?? FreePort.Next();
        return builder
            .WithHttpEndpoint(port: chosen, targetPort: chosen, isProxied: false)
            .WithEndpoint("http", e => e.TargetHost = "127.0.0.1")
            // A local run is a development run, whatever the AppHost's own environment (the adjustable clock refuses any other).
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            // Healthy when its database and broker are (ServiceDefaults' /health), so WaitFor(project) means ready to serve.
            .WithHttpHealthCheck("/health");
    }
}
