using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Platform.ServiceDefaults.Telemetry;

/// <summary>
/// ASP.NET Core's own "Microsoft.AspNetCore" activity carries no tags; the instrumentation package that
/// normally adds them is not on the feed. These are the semantic-convention names the dashboard groups by.
/// </summary>
internal sealed class ServerSpanTagsMiddleware(RequestDelegate next)
{
    private static readonly PathString[] UnrecordedPaths = ["/health", "/alive"];

    public async Task InvokeAsync(HttpContext context)
    {
        var activity = Activity.Current;
        if (activity is null)
        {
            await next(context);
            return;
        }

        // Probes run every few seconds; exporting them would bury real traffic.
        if (UnrecordedPaths.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            activity.ActivityTraceFlags &= ~ActivityTraceFlags.Recorded;
        }

        activity.SetTag("http.request.method", context.Request.Method);
        activity.SetTag("url.path", context.Request.Path.Value);
        activity.SetTag("url.scheme", context.Request.Scheme);

        try
        {
            await next(context);
        }
        finally
        {
            // The route is only known once routing has run, i.e. after next().
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            if (route is not null)
            {
                activity.SetTag("http.route", route);
                activity.DisplayName = $"{context.Request.Method} {route}";
            }

            activity.SetTag("http.response.status_code", context.Response.StatusCode);
            if (context.Response.StatusCode >= 500)
            {
                activity.SetStatus(ActivityStatusCode.Error);
            }
        }
    }
}

public static class ServerSpanTagsExtensions
{
    public static IApplicationBuilder UseServerSpanTags(this IApplicationBuilder app) =>
        app.UseMiddleware<ServerSpanTagsMiddleware>();
}
