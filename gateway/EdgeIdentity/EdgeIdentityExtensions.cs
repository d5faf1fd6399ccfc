using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.Gateway.EdgeIdentity;

internal static class EdgeIdentityExtensions
{
    /// <summary>TryAdd, so the later accounts/API-key work (or a test) can register its own <see cref="IEdgeIdentity"/>.</summary>
    public static IServiceCollection AddEdgeIdentity(this IServiceCollection services)
    {
        services.TryAddSingleton<IEdgeIdentity, AnonymousEdgeIdentity>();
        return services;
    }
}
