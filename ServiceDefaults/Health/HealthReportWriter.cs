using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.ServiceDefaults.Health;

/// <summary>
/// The default writer prints only "Healthy"/"Unhealthy"; the dashboard needs to show which check failed and why.
/// </summary>
internal static class HealthReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var body = new HealthReportBody(
            report.Status,
            report.TotalDuration.TotalMilliseconds,
            report.Entries.Select(entry => new HealthCheckBody(
                entry.Key,
                entry.Value.Status,
                entry.Value.Description ?? entry.Value.Exception?.Message,
                entry.Value.Duration.TotalMilliseconds)).ToArray());

        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, body, Json, context.RequestAborted);
    }

    /// <summary>
    /// Healthy or Unhealthy, nothing else: no check names, descriptions or exception messages. Degraded (the gateway
    /// with a service down still serves the rest) reads as Healthy; the status code stays the health middleware's.
    /// </summary>
    public static Task WriteStatusOnlyAsync(HttpContext context, HealthReport report)
    {
        var status = report.Status == HealthStatus.Unhealthy ? "Unhealthy" : "Healthy";
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, new StatusOnlyBody(status), Json, context.RequestAborted);
    }

    private sealed record StatusOnlyBody(string Status);

    private sealed record HealthReportBody(HealthStatus Status, double DurationMs, IReadOnlyList<HealthCheckBody> Checks);

    private sealed record HealthCheckBody(string Name, HealthStatus Status, string? Description, double DurationMs);
}
