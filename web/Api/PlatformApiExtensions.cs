using Microsoft.Extensions.Options;
using Platform.Web.Site;

namespace Platform.Web.Api;

internal static class PlatformApiExtensions
{
    public static IServiceCollection AddPlatformApi(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddTransient<VisitorHeaders>();
        services.AddHttpClient<PlatformApi>((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<SiteOptions>>().Value;
                http.BaseAddress = options.GatewayAddress;
            })
            .AddHttpMessageHandler<VisitorHeaders>();
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
