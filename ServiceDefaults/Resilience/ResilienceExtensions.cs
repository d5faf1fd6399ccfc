using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Platform.ServiceDefaults.Resilience;

namespace Microsoft.Extensions.DependencyInjection;

// Same name and namespace as Microsoft.Extensions.Http.Resilience's extension (absent from the feed), so
// swapping the real package in later changes no call site.
public static class ResilienceHttpClientBuilderExtensions
{
    public static IHttpClientBuilder AddStandardResilienceHandler(
        this IHttpClientBuilder builder,
        Action<HttpStandardResilienceOptions>? configure = null)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<StandardResiliencePipelines>();

        // builder.Name is null under ConfigureHttpClientDefaults; Configure(null, …) then applies to every client.
        if (configure is not null)
        {
            builder.Services.Configure(builder.Name, configure);
        }

        // Added through the handler-builder actions (not AddHttpMessageHandler) because only there is the
        // client's name known, and the pipeline must be shared per name, not per handler instance.
        builder.Services.Configure<HttpClientFactoryOptions>(builder.Name, factory =>
            factory.HttpMessageHandlerBuilderActions.Add(handlers =>
            {
                var pipelines = handlers.Services.GetRequiredService<StandardResiliencePipelines>();
                handlers.AdditionalHandlers.Add(new StandardResilienceHandler(pipelines.For(handlers.Name ?? string.Empty)));
            }));

        return builder;
    }
}
