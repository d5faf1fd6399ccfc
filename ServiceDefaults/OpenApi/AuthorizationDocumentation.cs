using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Platform.ServiceDefaults.Identity;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>
/// Writes on every operation of a service's OpenAPI document who may call it, read from the endpoint's own
/// authorisation metadata (policy names resolved through the policy provider, roles, policy objects), so the document
/// cannot drift from the code: <c>x-roles</c> (the internal token roles accepted; empty means any signed-in caller),
/// <c>x-scopes</c> (scopes the caller must hold) and a sentence in the description. Operations without them are
/// public. The gateway turns these into the security requirements of the document it serves.
/// </summary>
internal sealed class AuthorizationDocumentation : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any()) return;
        var authorizeData = metadata.OfType<IAuthorizeData>().ToList();
        var policies = metadata.OfType<AuthorizationPolicy>().ToList();
        if (authorizeData.Count == 0 && policies.Count == 0) return;

        var provider = context.ApplicationServices.GetRequiredService<IAuthorizationPolicyProvider>();
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        var scopes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var data in authorizeData)
        {
            foreach (var role in (data.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                roles.Add(role);
            if (data.Policy is { } name)
            {
                if (name.StartsWith(PlatformPolicies.ScopePrefix, StringComparison.Ordinal))
                    scopes.Add(name[PlatformPolicies.ScopePrefix.Length..]);
                else if (await provider.GetPolicyAsync(name) is { } named)
                    policies.Add(named);
            }
        }

        foreach (var requirement in policies.SelectMany(p => p.Requirements))
        {
            switch (requirement)
            {
                case RolesAuthorizationRequirement r:
                    roles.UnionWith(r.AllowedRoles);
                    break;
                case ClaimsAuthorizationRequirement { ClaimType: PlatformClaims.Role, AllowedValues: { } allowed }:
                    roles.UnionWith(allowed);
                    break;
            }
        }

        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions["x-roles"] = new JsonNodeExtension(new JsonArray([.. roles.Select(r => JsonValue.Create(r))]));
        if (scopes.Count > 0)
            operation.Extensions["x-scopes"] = new JsonNodeExtension(new JsonArray([.. scopes.Select(s => JsonValue.Create(s))]));

        var who = roles.Count == 0 ? "any signed-in caller" : string.Join(" or ", roles);
        var sentence = $"Who may call: {who}" + (scopes.Count > 0 ? $", with scope {string.Join(", ", scopes)}." : ".");
        operation.Description = string.IsNullOrEmpty(operation.Description) ? sentence : $"{sentence} {operation.Description}";
    }
}
