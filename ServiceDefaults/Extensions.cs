using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Platform.ServiceDefaults.Clock;
using Platform.ServiceDefaults.Health;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Logging;
using Platform.ServiceDefaults.OpenApi;
using Platform.ServiceDefaults.Problems;
using Platform.ServiceDefaults.ReferenceData;
using Platform.ServiceDefaults.Serialization;
using Platform.ServiceDefaults.Telemetry;
using Platform.ServiceDefaults.Text;

namespace Microsoft.Extensions.Hosting;

// Shaped like the Aspire service-defaults template, so a service's Program.cs reads the same under a real
// Aspire AppHost. Each concern lives in its own folder; this file only says which ones a service gets.
public static class Extensions
{
    /// <summary>
    /// What every API service gets: <see cref="AddHostingDefaults"/> and the API conventions, its OpenAPI document
    /// ("v1", which the service maps with <c>MapOpenApi()</c> and the gateway publishes) and camelCase enums in JSON.
    /// </summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddHostingDefaults();
        builder.Services.AddPlatformProblemDetails();
        builder.Services.AddPlatformTextRules();
        builder.Services.AddInternalTokenAuthentication();
        builder.Services.AddOpenApi();
        builder.Services.AddAuthorizationDocumentation();
        builder.Services.AddPagingDocumentation();
        builder.Services.AddPlatformReferenceData();
        builder.Services.AddPlatformJsonConventions();
        return builder;
    }

    /// <summary>
    /// What any process of the platform gets, the Aspire template's set: logging, the clock, OpenTelemetry, health
    /// checks, service discovery and resilient HTTP clients. The web site takes only these: it serves pages, not an
    /// API, and holds no key to validate the gateway's internal tokens with.
    /// </summary>
    public static TBuilder AddHostingDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddPlatformLoggingDefaults();
        builder.AddPlatformClock();

        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();

        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Resilience first so every retry attempt goes through discovery again. The standard handler's defaults,
            // except that a write is never retried: the service may have acted on the attempt whose answer was lost,
            // and a handler cannot know which writes are safe to repeat (the gateway's forwarder follows the same rule).
            http.AddStandardResilienceHandler(options => options.Retry.DisableForUnsafeHttpMethods());
            http.AddServiceDiscovery();
        });

        return builder;
    }

    /// <param name="health">How much /health tells: the services' full report (for the AppHost and dashboard, on their own
    /// ports), or only the status where the public can ask (the gateway).</param>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, HealthDetail health = HealthDetail.Full)
    {
        app.Use(EnumQuerySpelling.InvokeAsync);

        // Errors become RFC 9457 ProblemDetails before anything else can write a bare status code.
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // Called explicitly (rather than left to WebApplication's automatic wiring) so 401/403 pass
        // through the status-code pages above and gain a ProblemDetails body too.
        app.UseAuthentication();
        // A service refuses any request without a gateway-minted token, before any endpoint's own policy.
        app.UseGatewayTokenGate();
        app.UseAuthorization();

        // After authorization, so an anonymous caller of a protected endpoint still learns it needs a token first.
        app.UsePlatformTextRules();

        // Mapped in every environment: the AppHost polls these to decide when a service is ready.
        app.MapDefaultHealthEndpoints(health);
        app.MapPlatformClock();

        return app;
    }
}
