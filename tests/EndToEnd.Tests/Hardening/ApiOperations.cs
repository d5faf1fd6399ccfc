using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.EndToEnd.Tests.Text;

namespace Platform.EndToEnd.Tests.Hardening;

/// <summary>One operation of an API document the gateway serves, as a caller of the gateway sees it.</summary>
internal sealed record ApiOperation(string Document, HttpMethod Method, string Template, JsonObject Operation, JsonObject? Schemas)
{
    /// <summary>"GET /api/events/{id}": how the matrix names the operation.</summary>
    public string Key => $"{Method.Method} {Template}";

    /// <summary>The service the gateway routes it to ("events"), or null for the gateway's own operations.</summary>
    public string? Service => Document == "gateway" ? null : Document;

    public IReadOnlyList<JsonObject> Parameters => Operation["parameters"]?.AsArray().OfType<JsonObject>().ToList() ?? [];

    public IEnumerable<JsonObject> QueryParameters => Parameters.Where(p => (string?)p["in"] == "query");

    public IReadOnlyList<string> PathParameters =>
        [.. BadTextRequests.PathParameter().Matches(Template).Select(m => m.Groups[1].Value)];

    public JsonNode? BodySchema => Operation["requestBody"]?["content"]?["application/json"]?["schema"];

    public JsonNode? ParameterSchema(string name) => Parameters.FirstOrDefault(p => (string?)p["name"] == name)?["schema"];

    /// <summary>The path with each parameter replaced by <paramref name="value"/>'s answer (escaped here).</summary>
    public string Path(Func<string, string> value) =>
        BadTextRequests.PathParameter().Replace(Template, m => Uri.EscapeDataString(value(m.Groups[1].Value)));

    public override string ToString() => Key;
}

/// <summary>Every operation of every document listed at /docs, read through the gateway.</summary>
internal static partial class ApiOperations
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public static async Task<IReadOnlyList<ApiOperation>> ReadAsync(HttpClient gateway, CancellationToken cancellationToken)
    {
        var operations = new List<ApiOperation>();
        foreach (var url in await DocumentUrlsAsync(gateway, cancellationToken))
        {
            var document = JsonNode.Parse(await DocumentAsync(gateway, url, cancellationToken))!.AsObject();
            var name = System.IO.Path.GetFileNameWithoutExtension(url);
            var schemas = document["components"]?["schemas"]?.AsObject();
            foreach (var (template, item) in document["paths"]!.AsObject())
            {
                foreach (var (method, operation) in item!.AsObject())
                {
                    if (operation is JsonObject o && Methods.Contains(method))
                        operations.Add(new ApiOperation(name, new HttpMethod(method.ToUpperInvariant()), template, o, schemas));
                }
            }
        }

        return operations;
    }

    /// <summary>
    /// A document, asked again while the gateway answers 5xx for up to two minutes: on a loaded machine the gateway's
    /// health checks can take a service out of its routes for a while right after start. The suites judge the
    /// platform's answers to requests, not how soon it settles.
    /// </summary>
    private static async Task<string> DocumentAsync(HttpClient gateway, string url, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            using var response = await gateway.GetAsync(url, cancellationToken);
            if ((int)response.StatusCode < 500 || DateTime.UtcNow > deadline)
            {
                response.EnsureSuccessStatusCode();
                return await response.Content.ReadAsStringAsync(cancellationToken);
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }

    /// <summary>The documents Swagger UI at /docs lists (its own page, as a browser reads it), so a new document is walked too.</summary>
    private static async Task<List<string>> DocumentUrlsAsync(HttpClient gateway, CancellationToken cancellationToken)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var page in new[] { "/docs/index.html", "/docs/index.js", "/docs/swagger-initializer.js" })
        {
            using var response = await gateway.GetAsync(page, cancellationToken);
            if (!response.IsSuccessStatusCode) continue;
            foreach (Match m in DocumentUrl().Matches(await response.Content.ReadAsStringAsync(cancellationToken)))
                found.Add(m.Value);
        }

        Assert.True(found.Count >= 5, $"documents at /docs: {string.Join(", ", found)}");
        return [.. found];
    }

    [GeneratedRegex(@"/openapi/[A-Za-z0-9/_.-]+\.json")]
    private static partial Regex DocumentUrl();
}
