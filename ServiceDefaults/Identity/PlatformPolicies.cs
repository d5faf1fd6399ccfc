using Microsoft.AspNetCore.Authorization;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// Named policies for <c>RequireAuthorization(...)</c>. Endpoints without one are public: any gateway-minted token,
/// the anonymous caller's included, reaches them (<see cref="GatewayTokenGate"/> refuses a request without one).
/// </summary>
public static class PlatformPolicies
{
    public const string Staff = PlatformClaims.Roles.Staff;
    public const string Organisation = PlatformClaims.Roles.Organisation;
    public const string Partner = PlatformClaims.Roles.Partner;

    /// <summary>Prefix handled by <see cref="ScopePolicyProvider"/>: "scope:events.write" needs that scope.</summary>
    public const string ScopePrefix = "scope:";

    /// <summary>The policy name that requires <paramref name="scope"/>, e.g. <c>RequireAuthorization(PlatformPolicies.Scope("events.write"))</c>.</summary>
    public static string Scope(string scope) => ScopePrefix + scope;

    /// <summary>Requires an authenticated caller whose space-separated "scope" claim contains <paramref name="scope"/>.</summary>
    public static AuthorizationPolicyBuilder RequireScope(this AuthorizationPolicyBuilder policy, string scope) =>
        policy.RequireAuthenticatedUser()
            .RequireAssertion(context => context.User.HasScope(scope));

    internal static void AddPlatformPolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(Staff, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(PlatformClaims.Role, PlatformClaims.Roles.Staff));

        // A role claim alone is not enough: every organisation query is filtered by org_id, so a token
        // without one must not get through.
        options.AddPolicy(Organisation, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(PlatformClaims.Role, PlatformClaims.Roles.Organisation)
            .RequireAssertion(context => context.User.GetOrganisationId() is not null));

        options.AddPolicy(Partner, policy => policy
            .RequireAuthenticatedUser()
            .RequireClaim(PlatformClaims.Role, PlatformClaims.Roles.Partner));
    }
}
