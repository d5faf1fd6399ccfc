using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Platform.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Our own code names its ActivitySources and Meters "Platform.&lt;Thing&gt;", so one wildcard covers every service.</summary>
    public const string PlatformSources = "Platform.*";

    // MassTransit emits its spans and carries trace context through RabbitMQ only when its source is listened to.
    private const string MassTransitSource = "MassTransit";

    private static readonly PathString[] ProbePaths = ["/health", "/alive"];

    /// <summary>
    /// Logs, traces and metrics over OTLP, as the Aspire template sets them up, with the endpoint, protocol, headers,
    /// service name and resource attributes read from the OTEL_* settings the AppHost injects. Unlike the template,
    /// nothing is registered when OTEL_EXPORTER_OTLP_ENDPOINT is absent: with no one to send to, the listeners would
    /// only cost every request its allocations (tests, and services run on their own).
    /// </summary>
    public static IHostApplicationBuilder ConfigureOpenTelemetry(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                // Probes run every few seconds; exporting them would bury real traffic.
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    aspNetCore.Filter = context => !ProbePaths.Any(path => context.Request.Path.StartsWithSegments(path));
                    // Links' secrets never reach a trace (TokenRedaction); at the end, when the route is known.
                    aspNetCore.EnrichWithHttpResponse = (activity, response) => TokenRedaction.RedactServerSpan(activity, response.HttpContext);
                })
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = TokenRedaction.RedactClientSpan)
                .AddNpgsql()
                .AddProcessor(new IdlePollFilter())
                // Not YARP's own source: its forwarder span says what the HttpClient span under the gateway's server
                // span already says (the call, its status, its time), and a third span for every proxied request cost
                // the gateway and the dashboard CPU for nothing (bench gateway-overhead).
                .AddSource(MassTransitSource, PlatformSources, builder.Environment.ApplicationName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(MassTransitSource, PlatformSources, builder.Environment.ApplicationName))
            .UseOtlpExporter();

        return builder;
    }
}
