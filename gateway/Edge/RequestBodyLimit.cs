using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Platform.Gateway.Problems;

namespace Platform.Gateway.Edge;

/// <summary>
/// Refuses an oversized body with 413 ProblemDetails as soon as its declared length says so. A chunked body that
/// grows past the limit is cut by Kestrel's own limit (set to the same value), which the proxy reports as 413 too.
/// </summary>
internal static class RequestBodyLimit
{
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<EdgeOptions>>().Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return EdgeProblems.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Payload too large",
                $"The request body is larger than {limit} bytes.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}
