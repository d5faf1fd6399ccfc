using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// A request that failed because a dependency was momentarily unavailable (the database out of connections or
/// restarting, a timeout) is not a server bug: it is answered 503 with Retry-After, so clients and the gateway
/// retry instead of reporting a 500. Nothing was committed: the failure ended the request's transaction.
/// </summary>
internal sealed class TransientFailureExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    private const int RetryAfterSeconds = 1;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsTransient(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service is busy.",
                Detail = $"Nothing was changed. Try again in {RetryAfterSeconds} s.",
            },
        });
    }

    /// <summary>Anywhere in the chain: EF Core and Npgsql wrap the provider's exception.</summary>
    internal static bool IsTransient(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true } or TimeoutException) return true;
        }
        return false;
    }
}
