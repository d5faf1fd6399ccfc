using Microsoft.AspNetCore.Http.Features;
using Platform.Gateway.EdgeIdentity;
using Platform.Gateway.Problems;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Routing;

/// <summary>
/// YARP answers a failed forward with a bare status code; this turns it into ProblemDetails that say what happened
/// without leaking the upstream's address or exception. A service that cannot be reached at all (stopped, or taken
/// out by health checks) is 503 — unavailable, try later — rather than YARP's 502, which is kept for a service that
/// answered badly.
/// </summary>
internal static class UpstreamProblems
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);

        var error = context.Features.Get<IForwarderErrorFeature>();
        if (error is null || context.Response.HasStarted)
        {
            return;
        }

        var service = context.GetReverseProxyFeature().Route.Config.ClusterId;
        var (status, title, detail) = Describe(error, service);
        if (context.Response.Headers.RetryAfter.Count == 0 && status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        await EdgeProblems.WriteAsync(context, status, title, detail);
    }

    private static (int Status, string Title, string Detail) Describe(IForwarderErrorFeature error, string? service) =>
        error.Error switch
        {
            _ when error.Exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "Payload too large", "The request body is larger than the gateway accepts."),
            ForwarderError.RequestBodyClient or ForwarderError.RequestCanceled =>
                (StatusCodes.Status400BadRequest, "Bad request", "The request body could not be read from the client."),
            ForwarderError.NoAvailableDestinations or ForwarderError.Request =>
                (StatusCodes.Status503ServiceUnavailable, "Service unavailable", $"The {service} service is not reachable at the moment."),
            ForwarderError.RequestTimedOut =>
                (StatusCodes.Status504GatewayTimeout, "Gateway timeout", $"The {service} service did not answer in time."),
            _ =>
                (StatusCodes.Status502BadGateway, "Bad gateway", $"The {service} service gave an invalid response."),
        };
}
