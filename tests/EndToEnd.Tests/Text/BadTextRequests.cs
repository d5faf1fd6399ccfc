using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Platform.EndToEnd.Tests.Text;

/// <summary>One request built from an OpenAPI operation with a control character in one place, and the field it names.</summary>
internal sealed record BadTextRequest(HttpMethod Method, string Url, JsonNode? Body, string Field)
{
    public override string ToString() => $"{Method} {Url} ({Field})";
}

/// <summary>
/// Builds, from an OpenAPI document, every request with a control character in one string: each query parameter and
/// each string in a JSON request body (nested objects and array items included), the rest of the request filled with
/// plausible values. Two characters per place: a NUL, and one of the other controls in turn.
/// </summary>
internal static partial class BadTextRequests
{
    private static readonly string[] OtherControls = ["\u0001", "\u0008", "\u000B", "\u000C", "\u001B", "\u001F", "\u007F", "\u0085", "\u009F"];
    private static int _turn;

    public static IEnumerable<BadTextRequest> From(JsonObject document)
    {
        var schemas = document["components"]?["schemas"]?.AsObject();
        foreach (var (template, pathItem) in document["paths"]!.AsObject())
        {
            foreach (var (method, operationNode) in pathItem!.AsObject())
            {
                if (operationNode is not JsonObject operation || !IsHttpMethod(method)) continue;
                var httpMethod = new HttpMethod(method.ToUpperInvariant());
                var parameters = operation["parameters"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
                var path = PathParameter().Replace(template, m => Uri.EscapeDataString(Sample(ParameterSchema(parameters, m.Groups[1].Value), schemas)?.ToString() ?? "x"));
                var query = parameters.Where(p => (string?)p["in"] == "query").ToList();
                var bodySchema = operation["requestBody"]?["content"]?["application/json"]?["schema"];
                var body = bodySchema is null ? null : Sample(bodySchema, schemas);

                foreach (var parameter in query)
                {
                    var name = (string)parameter["name"]!;
                    foreach (var control in Controls())
                    {
                        var others = query.Where(p => p != parameter && (bool?)p["required"] == true)
                            .Select(p => $"{p["name"]}={Uri.EscapeDataString(Sample(p["schema"], schemas)?.ToString() ?? "x")}");
                        var url = $"{path}?{string.Join('&', others.Append($"{name}={Uri.EscapeDataString("a" + control + "b")}"))}";
                        yield return new BadTextRequest(httpMethod, url, body?.DeepClone(), name);
                    }
                }

                if (body is null) continue;
                foreach (var (field, poison) in StringPlaces(body, ""))
                {
                    foreach (var control in Controls())
                    {
                        var bad = body.DeepClone();
                        poison(bad, control);
                        yield return new BadTextRequest(httpMethod, path, bad, field);
                    }
                }
            }
        }
    }

    private static IEnumerable<string> Controls()
    {
        yield return "\u0000";
        yield return OtherControls[Interlocked.Increment(ref _turn) % OtherControls.Length];
    }

    private static bool IsHttpMethod(string method) => method is "get" or "post" or "put" or "patch" or "delete";

    private static JsonNode? ParameterSchema(List<JsonObject> parameters, string name) =>
        parameters.FirstOrDefault(p => (string?)p["name"] == name)?["schema"];

    /// <summary>Each string in the sample, by its path, with a way to put a control character into it in a copy.</summary>
    private static IEnumerable<(string Field, Action<JsonNode, string> Poison)> StringPlaces(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (value is null) continue;
                    var at = path.Length == 0 ? name : $"{path}.{name}";
                    foreach (var (field, poison) in StringPlaces(value, at))
                    {
                        yield return (field, (copy, control) => poison(copy[name]!, control));
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var index = i;
                    if (array[i] is null) continue;
                    foreach (var (field, poison) in StringPlaces(array[i]!, $"{path}[{i}]"))
                    {
                        yield return (field, (copy, control) => poison(copy[index]!, control));
                    }
                }

                break;
            case JsonValue value when value.TryGetValue<string>(out _):
                yield return (path, (copy, control) =>
                {
                    var text = copy.GetValue<string>();
                    copy.ReplaceWith(text[..(text.Length / 2)] + control + text[(text.Length / 2)..]);
                }
                );
                break;
        }
    }

    /// <summary>A plausible value for a schema: every property filled, one item per array; ids from <paramref name="random"/> when given (a seeded run repeats).</summary>
    internal static JsonNode? Sample(JsonNode? schema, JsonObject? schemas, int depth = 0, Random? random = null)
    {
        if (schema is not JsonObject s || depth > 8) return null;
        if (s["$ref"] is { } reference)
        {
            return Sample(schemas?[((string)reference!).Split('/')[^1]], schemas, depth + 1, random);
        }

        foreach (var combinator in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (s[combinator] is JsonArray options)
            {
                return options.Select(o => Sample(o, schemas, depth + 1, random)).FirstOrDefault(v => v is not null);
            }
        }

        if (s["enum"] is JsonArray values && values.FirstOrDefault(v => v is not null) is { } first)
        {
            return first.DeepClone();
        }

        var types = s["type"] switch
        {
            JsonArray many => many.Select(t => (string?)t).Where(t => t != "null").ToList(),
            JsonValue one => [(string?)one],
            _ => s["properties"] is not null ? ["object"] : [],
        };
        return types.FirstOrDefault() switch
        {
            "string" => (string?)s["format"] switch
            {
                "uuid" => (random is null ? Guid.CreateVersion7() : RandomGuid(random)).ToString(),
                "email" => "ann@example.org",
                "date" => "2030-06-01",
                "date-time" => "2030-06-01T10:00:00Z",
                "uri" => "https://example.org/",
                _ => "Sample text",
            },
            "integer" => 1,
            "number" => 1,
            "boolean" => true,
            "array" => new JsonArray(Sample(s["items"], schemas, depth + 1, random)),
            "object" => new JsonObject((s["properties"]?.AsObject() ?? [])
                .Select(p => KeyValuePair.Create(p.Key, Sample(p.Value, schemas, depth + 1, random)))),
            _ => null,
        };
    }

    internal static Guid RandomGuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    [GeneratedRegex(@"\{([^}:?*]+)[^}]*\}")]
    internal static partial Regex PathParameter();
}
