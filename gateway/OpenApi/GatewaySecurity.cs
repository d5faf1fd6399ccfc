using System.Text.Json.Nodes;

namespace Platform.Gateway.OpenApi;

/// <summary>
/// Declares in a document the credentials callers present at the gateway (the services themselves only ever see the
/// internal token), so the Swagger UI's "Authorize" works through the gateway.
/// </summary>
internal static class GatewaySecurity
{
    public const string ApiKey = "apiKey";
    public const string Session = "session";

    public static void Declare(JsonObject document)
    {
        var components = document["components"] as JsonObject ?? new JsonObject();
        document["components"] = components;
        var schemes = components["securitySchemes"] as JsonObject ?? new JsonObject();
        components["securitySchemes"] = schemes;

        schemes[ApiKey] = new JsonObject
        {
            ["type"] = "apiKey",
            ["in"] = "header",
            ["name"] = EdgeIdentity.EdgeCredentials.ApiKeyHeader,
            ["description"] = "A partner's API key (pk_…, from staff through POST /gateway/api-keys). " +
                "Reads need the scope '{service}:read', writes '{service}:write'.",
        };
        schemes[Session] = new JsonObject
        {
            ["type"] = "http",
            ["scheme"] = "bearer",
            ["description"] = "A staff or organisation user's session token (st_…) from POST /gateway/accounts/login. " +
                "A browser may send the session cookie instead.",
        };
    }
}
