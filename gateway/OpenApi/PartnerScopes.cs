using System.Text.Json.Nodes;
using Platform.Gateway.ApiKeys;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.OpenApi;

/// <summary>
/// States on every operation of a document how a caller gets through the gateway to it, as OpenAPI security
/// requirements: from the roles the endpoint itself declared ("x-roles", ServiceDefaults' AuthorizationDocumentation)
/// and, for a service, the partner scope the gateway requires for the method (<see cref="ApiKeyScopes.Required"/>,
/// also "x-partner-scope"). Public operations: anyone, a session or a key; staff or organisation roles: a session;
/// the partner role: a key; any signed-in caller: a session or (for a service) a key.
/// </summary>
internal static class PartnerScopes
{
    /// <param name="service">The service whose partner scopes apply, or null for the gateway's own endpoints (no scopes).</param>
    public static void Declare(JsonObject document, string? service)
    {
        foreach (var (method, operation) in PublishedDocument.OperationsByMethod(document))
        {
            var scope = service is null ? null : ApiKeyScopes.Required(service, method.ToUpperInvariant());
            operation["security"] = Requirements(operation, scope);
        }
    }

    private static JsonArray Requirements(JsonObject operation, string? scope)
    {
        if (operation["x-roles"] is not JsonArray roleList)
        {
            // The gateway's own public endpoints (sign-in) take no credentials at all.
            if (scope is null) return new JsonArray(new JsonObject());
            operation["x-partner-scope"] = scope;
            return new JsonArray(new JsonObject(), Session(), Key(scope));
        }

        var roles = roleList.Select(r => r?.GetValue<string>()).ToHashSet();
        var anyone = roles.Count == 0;
        var requirements = new JsonArray();
        if (anyone || roles.Contains(PlatformClaims.Roles.Staff) || roles.Contains(PlatformClaims.Roles.Organisation))
            requirements.Add(Session());
        // The gateway's own endpoints for any signed-in caller act on a user account, which a partner key is not.
        if ((anyone && scope is not null) || roles.Contains(PlatformClaims.Roles.Partner))
        {
            if (scope is null) operation.Remove("x-partner-scope");
            else operation["x-partner-scope"] = scope;
            requirements.Add(Key(scope));
        }
        else
        {
            operation.Remove("x-partner-scope");
        }

        return requirements;
    }

    private static JsonObject Session() => new() { [GatewaySecurity.Session] = new JsonArray() };

    private static JsonObject Key(string? scope) =>
        new() { [GatewaySecurity.ApiKey] = scope is null ? new JsonArray() : new JsonArray(scope) };
}
