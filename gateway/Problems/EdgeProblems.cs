using Microsoft.AspNetCore.Mvc;

namespace Platform.Gateway.Problems;

/// <summary>Writes the gateway's own ProblemDetails from middleware (outside endpoints), through the shared writer.</summary>
internal static class EdgeProblems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await writer.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
