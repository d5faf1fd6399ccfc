using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// Traces, metrics and logs over OTLP, only when OTEL_EXPORTER_OTLP_ENDPOINT is set: without an endpoint
    /// there is nobody to send to, and listening to every source would only cost allocations.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformTelemetry(this IHostApplicationBuilder builder)
    {
        var settings = OtlpSettings.From(builder.Configuration, builder.Environment.ApplicationName);
        if (settings is null)
        {
            return builder;
        }

        // OpenTelemetry.Extensions.Hosting is not on the feed, so the SDK is built standalone. A factory
        // registration (not an instance) makes the container own it: disposing flushes pending telemetry.
        builder.Services.AddSingleton(_ => CreateSdk(settings, builder.Environment.ApplicationName, builder.Configuration));
        builder.Services.AddHostedService<OpenTelemetryStartup>();
        builder.Services.AddSingleton<ILoggerProvider, OpenTelemetryLoggerBridge>();

        return builder;
    }

    private static OpenTelemetrySdk CreateSdk(OtlpSettings settings, string applicationName, IConfiguration configuration) =>
        OpenTelemetrySdk.Create(otel =>
        {
            // The standalone SDK otherwise reads only process environment variables; the host's configuration
            // (which includes them) also carries appsettings and test values for OTEL_EXPORTER_OTLP_HEADERS,
            // OTEL_BSP_SCHEDULE_DELAY and the like.
            otel.Services.AddSingleton(configuration);

            otel.ConfigureResource(resource => resource
                    .AddService(settings.ServiceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId)
                    .AddAttributes(settings.ResourceAttributes))
                .WithTracing(tracing => tracing
                    .AddSource(TelemetrySources.ActivitySources)
                    .AddSource(applicationName))
                .WithMetrics(metrics => metrics
                    .AddMeter(TelemetrySources.Meters)
                    .AddMeter(applicationName))
                .WithLogging(logging => { }, options =>
                {
                    options.IncludeFormattedMessage = true;
                    options.IncludeScopes = true;
                })
                .UseOtlpExporter(settings.Protocol, settings.Endpoint);
        });
}
