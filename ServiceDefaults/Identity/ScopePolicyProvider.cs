using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// Builds "scope:{name}" policies on demand, so each service can name the scopes it needs without
/// registering a policy per scope up front.
/// </summary>
internal sealed class ScopePolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        var registered = await base.GetPolicyAsync(policyName);
        if (registered is not null || !policyName.StartsWith(PlatformPolicies.ScopePrefix, StringComparison.Ordinal))
        {
            return registered;
        }

        var scope = policyName[PlatformPolicies.ScopePrefix.Length..];
        return string.IsNullOrWhiteSpace(scope)
            ? null
            : new AuthorizationPolicyBuilder().RequireScope(scope).Build();
    }
}
