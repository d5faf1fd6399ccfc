using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.ServiceDefaults.Text;

/// <summary>The 400 a refused text gets wherever it is found: a ValidationProblem naming each field and why.</summary>
public static class TextProblem
{
    public const string Title = "The request contains characters that are not allowed.";

    public static async Task WriteAsync(HttpContext context, IDictionary<string, string[]> errors)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = Title },
        });
    }

    /// <summary>"$.nominee.name" from System.Text.Json becomes "nominee.name", as ValidationProblem fields are named.</summary>
    public static string FieldOf(string? jsonPath) =>
        string.IsNullOrEmpty(jsonPath) || jsonPath == "$" ? "$" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath;

    /// <summary>A field name as a caller sent it, with its own control characters shown as code points.</summary>
    public static string Printable(string name) =>
        ControlCharacters.FitsSingleLine(name)
            ? name
            : string.Concat(name.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
