using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Platform.ServiceDefaults.Text;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// Malformed input (unreadable JSON, a missing required body, a bad route value) surfaces as
/// BadHttpRequestException, which the exception handler would otherwise report as a 500. It is the caller's
/// fault, so it is answered with the exception's own 4xx status.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is InvalidRequestException invalid)
        {
            // Written through the ProblemDetails service, so it carries the trace id like every other problem.
            await invalid.Problem.ExecuteAsync(httpContext);
            return true;
        }

        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        if (badRequest.InnerException is ControlCharacterException refused)
        {
            // Text the platform refuses (see ControlCharacters): name the field, as a ValidationProblem does.
            await TextProblem.WriteAsync(httpContext, new Dictionary<string, string[]>
            {
                [TextProblem.FieldOf(refused.Path)] = [refused.Message],
            });
            return true;
        }

        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read.",
                // The framework's message names the parameter and the problem without exposing internals.
                Detail = badRequest.Message,
            },
        });
    }
}
