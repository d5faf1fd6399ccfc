using Platform.Gateway.EdgeIdentity;
using Platform.ServiceDefaults.Discovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Transforms;

namespace Platform.Gateway.Routing;

internal static class RoutingExtensions
{
    /// <summary>
    /// The proxy configured in code, equivalent to <c>LoadFromMemory(routes, clusters)</c> but built when the
    /// container first needs it: only then are the discovery resolver and a logger (for skipped routes) available.
    /// </summary>
    public static IServiceCollection AddServiceRoutes(this IServiceCollection services)
    {
        services.AddServiceDiscovery();
        services.AddSingleton(provider => ProxyConfigFactory.Create(
            provider.GetRequiredService<ServiceEndpointResolver>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Gateway.Routing")));
        services.AddSingleton<IProxyConfigProvider>(provider => provider.GetRequiredService<InMemoryConfigProvider>());

        services.AddReverseProxy()
            .AddTransforms(transforms => transforms.AddRequestTransform(EdgeIdentityTransform.ApplyAsync));

        return services;
    }
}
