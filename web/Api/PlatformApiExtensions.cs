using Microsoft.Extensions.Options;
using Platform.Web.Site;

namespace Platform.Web.Api;

internal static class PlatformApiExtensions
{
    public static IServiceCollection AddPlatformApi(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddTransient<VisitorHeaders>();
        services.AddTransient<Manage.SessionBearer>();
        services.AddHttpClient<PlatformApi>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<SiteOptions>>().Value;
                http.BaseAddress = options.GatewayAddress;
            })
            .AddHttpMessageHandler<VisitorHeaders>()
            .AddHttpMessageHandler<Manage.SessionBearer>()
            // One client serves every visitor: it must never keep a cookie (the gateway's session cookie from a sign-in
            // would otherwise be sent on everyone's calls). Each user's session travels only as SessionBearer's token.
            .ConfigurePrimaryHttpMessageHandler((handler, _) =>
            {
                if (handler is SocketsHttpHandler sockets) sockets.UseCookies = false;
                if (handler is HttpClientHandler client) client.UseCookies = false;
            });
        services.AddSingleton<SharedReadCache>();
        services.AddTransient<SharedReads>();
        // The standard resilience handler's total timeout is the page's patience with the platform.
        services.AddOptions<Microsoft.Extensions.Http.Resilience.HttpStandardResilienceOptions>(nameof(PlatformApi))
            .Configure<IOptions<SiteOptions>>((resilience, site) =>
            {
                resilience.TotalRequestTimeout.Timeout = site.Value.ApiTimeout;
                resilience.AttemptTimeout.Timeout = site.Value.ApiTimeout;
                resilience.CircuitBreaker.SamplingDuration = site.Value.ApiTimeout * 2;
            });
        return services;
    }
}
