using System.Text.Json.Nodes;
using Platform.Gateway.Routing;

namespace Platform.Gateway.OpenApi;

/// <summary>
/// What every document the gateway serves says about the gateway rather than the service that described itself:
/// the gateway is the one server (a service's own port answers 401 to callers and is outside /docs's CSP), only
/// operations the gateway routes are listed, and each operation states the credentials the gateway accepts for it.
/// </summary>
internal static class PublishedDocument
{
    private static readonly string[] Methods = ["get", "head", "options", "post", "put", "patch", "delete", "trace"];

    /// <param name="service">The service the document describes, or null for the gateway's own document.</param>
    /// <param name="gatewayUrl">The gateway's address as the caller reached it, without a trailing slash.</param>
    public static JsonObject Prepare(JsonObject document, string? service, string gatewayUrl)
    {
        document["servers"] = new JsonArray(new JsonObject
        {
            ["url"] = gatewayUrl.TrimEnd('/'),
            ["description"] = "The gateway: every API is called through it.",
        });
        if (service is not null) KeepRoutedPaths(document, service);
        GatewaySecurity.Declare(document);
        PartnerScopes.Declare(document, service);
        KeepUsedTags(document);
        return document;
    }

    /// <summary>A service also serves operations the gateway never forwards (its dead-letter admin, for one).</summary>
    private static void KeepRoutedPaths(JsonObject document, string service)
    {
        if (document["paths"] is not JsonObject paths) return;
        foreach (var path in paths.Select(p => p.Key).Where(p => !ServiceRoutes.Routes(service, p)).ToList())
            paths.Remove(path);
    }

    private static void KeepUsedTags(JsonObject document)
    {
        if (document["tags"] is not JsonArray tags) return;
        var used = Operations(document)
            .SelectMany(o => o["tags"] as JsonArray ?? [])
            .Select(t => t?.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
        foreach (var tag in tags.OfType<JsonObject>().Where(t => !used.Contains(t["name"]?.GetValue<string>())).ToList())
            tags.Remove(tag);
    }

    public static IEnumerable<(string Method, JsonObject Operation)> OperationsByMethod(JsonObject document) =>
        (document["paths"] as JsonObject ?? [])
            .Select(p => p.Value).OfType<JsonObject>()
            .SelectMany(item => Methods.Where(m => item[m] is JsonObject).Select(m => (m, (JsonObject)item[m]!)));

    private static IEnumerable<JsonObject> Operations(JsonObject document) => OperationsByMethod(document).Select(o => o.Operation);
}
