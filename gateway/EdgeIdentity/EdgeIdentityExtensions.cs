using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.Gateway.EdgeIdentity;

internal static class EdgeIdentityExtensions
{
    /// <summary>
    /// Makes the edge scheme the gateway's default: the gateway authenticates callers by their own credentials, while
    /// the internal-token (JwtBearer) scheme that ServiceDefaults registers is for the services behind it.
    /// TryAdd, so a test can register its own <see cref="IEdgeIdentity"/>.
    /// </summary>
    public static IServiceCollection AddEdgeIdentity(this IServiceCollection services)
    {
        services.TryAddSingleton<IEdgeIdentity, CallerEdgeIdentity>();
        services.AddMemoryCache();
        services.AddSingleton<InternalTokenCache>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, EdgeAuthenticationHandler>(EdgeAuthenticationHandler.SchemeName, null);
        services.Configure<AuthenticationOptions>(options =>
        {
            options.DefaultScheme = EdgeAuthenticationHandler.SchemeName;
            options.DefaultAuthenticateScheme = EdgeAuthenticationHandler.SchemeName;
            options.DefaultChallengeScheme = EdgeAuthenticationHandler.SchemeName;
            options.DefaultForbidScheme = EdgeAuthenticationHandler.SchemeName;
        });
        return services;
    }
}
