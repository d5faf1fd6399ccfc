using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.ServiceDefaults.Discovery;

namespace Microsoft.Extensions.DependencyInjection;

// Same names and namespace as Microsoft.Extensions.ServiceDiscovery (absent from the feed), so swapping the
// real package in later changes no call site.
public static class ServiceDiscoveryExtensions
{
    public static IServiceCollection AddServiceDiscovery(this IServiceCollection services)
    {
        services.TryAddSingleton<ServiceEndpointResolver>();
        services.TryAddTransient<ServiceDiscoveryHandler>();
        return services;
    }

    public static IHttpClientBuilder AddServiceDiscovery(this IHttpClientBuilder builder)
    {
        builder.Services.AddServiceDiscovery();
        builder.AddHttpMessageHandler<ServiceDiscoveryHandler>();
        return builder;
    }
}
