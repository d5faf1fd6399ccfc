using System.Text.Json.Nodes;
using Platform.Gateway.ApiKeys;

namespace Platform.Gateway.OpenApi;

/// <summary>
/// States on every operation of a service's document the partner scope the gateway requires for it
/// (<see cref="ApiKeyScopes.Required"/>), as an OpenAPI security requirement and as "x-partner-scope". Roles for
/// staff and organisation users are the services' own to state (their endpoints' policies).
/// </summary>
internal static class PartnerScopes
{
    private static readonly string[] Methods = ["get", "head", "options", "post", "put", "patch", "delete"];

    public static void Declare(JsonObject document, string service)
    {
        if (document["paths"] is not JsonObject paths)
        {
            return;
        }

        foreach (var (_, pathItem) in paths)
        {
            if (pathItem is not JsonObject operations)
            {
                continue;
            }

            foreach (var method in Methods)
            {
                if (operations[method] is not JsonObject operation)
                {
                    continue;
                }

                var scope = ApiKeyScopes.Required(service, method.ToUpperInvariant());
                operation["x-partner-scope"] = scope;
                // Anonymous, a signed-in user, or a partner key with the scope: the service decides what each may do.
                operation["security"] ??= new JsonArray(
                    new JsonObject(),
                    new JsonObject { ["session"] = new JsonArray() },
                    new JsonObject { ["apiKey"] = new JsonArray(scope) });
            }
        }
    }
}
