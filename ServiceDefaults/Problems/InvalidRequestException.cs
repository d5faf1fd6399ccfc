using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Platform.ServiceDefaults.Problems;

/// <summary>
/// Thrown where a request is bound (a parameter's BindAsync), which has no way to answer the caller itself: the
/// exception handler answers with <see cref="Problem"/>, a 400 naming each bad field, as a handler would have.
/// </summary>
public sealed class InvalidRequestException(ValidationProblem problem)
    : BadHttpRequestException("One or more fields are invalid.", StatusCodes.Status400BadRequest)
{
    public ValidationProblem Problem { get; } = problem;
}
