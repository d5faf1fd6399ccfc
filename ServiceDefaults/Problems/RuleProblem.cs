using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// A ProblemDetails (RFC 9457) for a broken business rule. The "rule" extension names the rule in a stable,
/// machine-readable way, so a client can tell "workshop clash" from "registration closed" without parsing prose. Shared by every service.
/// </summary>
public static class RuleProblem
{
    public static ProblemHttpResult Conflict(string rule, string detail) => Create(StatusCodes.Status409Conflict, rule, detail);

    public static ProblemHttpResult Unprocessable(string rule, string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, rule, detail);

    public static ProblemHttpResult NotFound(string what) =>
        Create(StatusCodes.Status404NotFound, "not-found", $"{what} was not found.");

    public static ProblemHttpResult Create(int status, string rule, string detail) =>
        TypedResults.Problem(
            statusCode: status,
            title: status switch
            {
                StatusCodes.Status404NotFound => "Not found.",
                StatusCodes.Status409Conflict => "The request conflicts with the current state.",
                _ => "A rule was broken.",
            },
            detail: detail,
            extensions: new Dictionary<string, object?> { ["rule"] = rule });
}
