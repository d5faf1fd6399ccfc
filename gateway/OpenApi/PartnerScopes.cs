using System.Text.Json.Nodes;
using Platform.Gateway.ApiKeys;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.OpenApi;

/// <summary>
/// States on every operation of a service's document how a caller gets through the gateway to it, as OpenAPI security
/// requirements: from the roles the service itself wrote ("x-roles", ServiceDefaults' AuthorizationDocumentation) and
/// the partner scope the gateway requires for the method (<see cref="ApiKeyScopes.Required"/>, also "x-partner-scope").
/// Public operations: anyone, a session or a key; staff or organisation roles: a session; the partner role: a key.
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
                operation["security"] = Requirements(operation, scope);
            }
        }
    }

    private static JsonArray Requirements(JsonObject operation, string scope)
    {
        if (operation["x-roles"] is not JsonArray roleList)
        {
            operation["x-partner-scope"] = scope;
            return new JsonArray(new JsonObject(), Session(), Key(scope));
        }

        var roles = roleList.Select(r => r?.GetValue<string>()).ToHashSet();
        var anyone = roles.Count == 0;
        var requirements = new JsonArray();
        if (anyone || roles.Contains(PlatformClaims.Roles.Staff) || roles.Contains(PlatformClaims.Roles.Organisation))
            requirements.Add(Session());
        if (anyone || roles.Contains(PlatformClaims.Roles.Partner))
        {
            operation["x-partner-scope"] = scope;
            requirements.Add(Key(scope));
        }
        else
        {
            operation.Remove("x-partner-scope");
        }

        return requirements;
    }

    private static JsonObject Session() => new() { ["session"] = new JsonArray() };

    private static JsonObject Key(string scope) => new() { ["apiKey"] = new JsonArray(scope) };
}
