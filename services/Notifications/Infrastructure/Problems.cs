using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Platform.Notifications.Infrastructure;

public static class Problems
{
    /// <summary>An RFC 9457 response (application/problem+json), whatever its status.</summary>
    public static ProblemHttpResult Of(ProblemDetails problem) => TypedResults.Problem(problem);
}
