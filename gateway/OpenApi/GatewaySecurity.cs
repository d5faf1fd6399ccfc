using System.Text.Json.Nodes;

namespace Platform.Gateway.OpenApi;

/// <summary>
/// Declares in a service's document the credentials callers present at the gateway (the services themselves only
/// ever see the internal token), with the partner scopes, so the Swagger UI's "Authorize" works through the gateway.
/// </summary>
internal static class GatewaySecurity
{
    public static void Declare(JsonObject document)
    {
        var components = document["components"] as JsonObject ?? new JsonObject();
        document["components"] = components;
        var schemes = components["securitySchemes"] as JsonObject ?? new JsonObject();
        components["securitySchemes"] = schemes;

        schemes["apiKey"] = new JsonObject
        {
            ["type"] = "apiKey",
            ["in"] = "header",
            ["name"] = EdgeIdentity.EdgeCredentials.ApiKeyHeader,
            ["description"] = "A partner's API key. Reads need '{service}:read', writes '{service}:write'.",
        };
        schemes["session"] = new JsonObject
        {
            ["type"] = "http",
            ["scheme"] = "bearer",
            ["description"] = "A staff or organisation user's token from POST /gateway/accounts/login.",
        };
    }
}
