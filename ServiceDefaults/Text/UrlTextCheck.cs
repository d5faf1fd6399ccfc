using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Text;

/// <summary>
/// Refuses a request whose query parameters (names or values) or route values hold a control character, with 400
/// before its endpoint runs: all of them are single-line text, and many go straight into SQL parameters.
/// </summary>
internal static class UrlTextCheck
{
    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        Dictionary<string, string[]>? errors = null;
        foreach (var (name, values) in context.Request.Query)
        {
            var refused = !ControlCharacters.FitsSingleLine(name) ? name : values.FirstOrDefault(v => v is not null && !ControlCharacters.FitsSingleLine(v));
            if (refused is not null)
            {
                (errors ??= [])[TextProblem.Printable(name)] = [ControlCharacters.Problem(refused, multiLine: false)];
            }
        }

        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is string text && !ControlCharacters.FitsSingleLine(text))
            {
                (errors ??= [])[name] = [ControlCharacters.Problem(text, multiLine: false)];
            }
        }

        return errors is null ? next(context) : TextProblem.WriteAsync(context, errors);
    }
}
