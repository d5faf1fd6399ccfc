using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Problems;

public static class ProblemDetailsExtensions
{
    /// <summary>
    /// Every error leaves a service as RFC 9457 ProblemDetails carrying the trace id, so a caller's error
    /// report leads straight to the trace on the dashboard.
    /// </summary>
    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var traceId = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Extensions.TryAdd("traceId", traceId);
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<TransientFailureExceptionHandler>();
        return services;
    }
}
