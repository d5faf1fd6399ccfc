using Microsoft.Extensions.Options;
using Platform.Gateway.Edge;
using Platform.Gateway.EdgeIdentity;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;

namespace Platform.Gateway.Routing;

internal static class RoutingExtensions
{
    /// <summary>
    /// The proxy configured in code, equivalent to <c>LoadFromMemory(routes, clusters)</c> but built when the
    /// container first needs it: only then are the configuration and a logger (for skipped routes) available.
    /// </summary>
    public static IServiceCollection AddServiceRoutes(this IServiceCollection services)
    {
        services.AddSingleton(provider => ProxyConfigFactory.Create(
            provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<IOptions<EdgeOptions>>().Value.UpstreamTimeout,
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Gateway.Routing")));
        services.AddSingleton<IProxyConfigProvider>(provider => provider.GetRequiredService<InMemoryConfigProvider>());

        services.AddSingleton<IForwarderHttpClientFactory, RetryingForwarderHttpClientFactory>();
        services.AddReverseProxy()
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(transforms =>
            {
                transforms.AddRequestTransform(EdgeIdentityTransform.ApplyAsync);
                // The services' server banners stay behind the edge.
                transforms.AddResponseHeaderRemove("Server", ResponseCondition.Always);
                transforms.AddResponseHeaderRemove("X-Powered-By", ResponseCondition.Always);
            });

        services.AddHealthChecks().AddCheck<DestinationHealthCheck>("destinations");
        return services;
    }

    /// <summary>
    /// The proxy pipeline: credentials and partner scopes first, then YARP's own steps, with upstream failures
    /// rewritten as ProblemDetails on the way out.
    /// </summary>
    public static WebApplication MapServiceRoutes(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.Use(UpstreamProblems.InvokeAsync);
            proxy.Use(EdgeAccessGate.InvokeAsync);
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
