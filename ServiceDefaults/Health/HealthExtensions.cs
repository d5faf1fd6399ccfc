using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Health;

public static class HealthExtensions
{
    /// <summary>Tag for checks that say the process itself works; /alive runs only these.</summary>
    public const string LiveTag = "live";

    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";

    /// <summary>
    /// Registers the "self" liveness check. Services add their own readiness checks (database, broker)
    /// with <c>builder.Services.AddHealthChecks().AddXxx(...)</c>; /health runs them all.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy("The process is running."), [LiveTag]);
        return builder;
    }

    public static WebApplication MapDefaultHealthEndpoints(this WebApplication app, HealthDetail detail = HealthDetail.Full)
    {
        Func<HttpContext, HealthReport, Task> writer = detail == HealthDetail.Full ? HealthReportWriter.WriteAsync : HealthReportWriter.WriteStatusOnlyAsync;

        // Open to every caller without a token: the AppHost polls them to decide when a process is ready.
        app.MapHealthChecks(HealthPath, new HealthCheckOptions
        {
            ResponseWriter = writer,
        }).AllowAnonymous();

        app.MapHealthChecks(AlivePath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(LiveTag),
            ResponseWriter = writer,
        }).AllowAnonymous();

        return app;
    }
}

/// <summary>What a process's /health and /alive say.</summary>
public enum HealthDetail
{
    /// <summary>Every check's name, status and description (a failing dependency's error): for the AppHost and the dashboard.</summary>
    Full,

    /// <summary>Only "Healthy" or "Unhealthy": for an endpoint anyone can reach, which must not name the platform's parts or their errors.</summary>
    StatusOnly,
}
