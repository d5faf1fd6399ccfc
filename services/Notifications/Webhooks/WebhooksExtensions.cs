using Microsoft.Extensions.Options;

namespace Platform.Notifications.Webhooks;

internal static class WebhooksExtensions
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => new WebhookAddresses(provider.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowLoopback));
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookSignal>();
        services.AddScoped<WebhookFanOut>();
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }
}
