using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.Gateway.Problems;

/// <summary>The gateway's own endpoints' errors, all RFC 9457 ProblemDetails.</summary>
internal static class ProblemResults
{
    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static ProblemHttpResult Unprocessable(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The request is not valid.",
        });

    public static ProblemHttpResult Unprocessable(string field, params string[] messages) =>
        Unprocessable(new Dictionary<string, string[]> { [field] = messages });
}
