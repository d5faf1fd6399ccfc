using System.Text.Json;
using Platform.ServiceDefaults.Text;

namespace Platform.Gateway.Edge;

/// <summary>
/// The edge's half of the platform's text rule (<see cref="ControlCharacters"/>): a JSON body holding a string with a
/// control character other than tab and line breaks is refused with 400 before it is proxied, whatever the route. The
/// gateway does not know which fields are single-line; each service applies that stricter rule itself as it reads the
/// body, and checks query parameters and route values (ServiceDefaults, which runs here too).
/// </summary>
internal static class JsonBodyText
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!HasJsonBody(context.Request))
        {
            await next(context);
            return;
        }

        // Buffered so the proxy (or the gateway's own endpoint) reads the same body again; the body limit still holds.
        context.Request.EnableBuffering();
        Dictionary<string, string[]>? errors = null;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            Collect(document.RootElement, "", ref errors);
        }
        catch (JsonException)
        {
            // Not JSON after all: whoever reads it answers 400 for that.
        }

        context.Request.Body.Position = 0;
        if (errors is null)
        {
            await next(context);
        }
        else
        {
            await TextProblem.WriteAsync(context, errors);
        }
    }

    private static bool HasJsonBody(HttpRequest request) =>
        (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        && request.ContentType is { } type
        && (type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || type.Split(';')[0].Trim().EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>Every refused string, named by its path ("nominee.name", "skills[1]"), as the services name them.</summary>
    private static void Collect(JsonElement element, string path, ref Dictionary<string, string[]>? errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var at = path.Length == 0 ? TextProblem.Printable(property.Name) : $"{path}.{TextProblem.Printable(property.Name)}";
                    if (!ControlCharacters.FitsSingleLine(property.Name))
                    {
                        (errors ??= [])[at] = [ControlCharacters.Problem(property.Name, multiLine: false)];
                    }

                    Collect(property.Value, at, ref errors);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, $"{path}[{index++}]", ref errors);
                }

                break;
            case JsonValueKind.String:
                var text = element.GetString()!;
                if (!ControlCharacters.FitsMultiLine(text))
                {
                    (errors ??= [])[path.Length == 0 ? "$" : path] = [ControlCharacters.Problem(text, multiLine: true)];
                }

                break;
        }
    }
}
