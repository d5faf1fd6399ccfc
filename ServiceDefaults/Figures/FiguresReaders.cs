using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Platform.ServiceDefaults.Identity;

namespace Platform.ServiceDefaults.Figures;

/// <summary>
/// Who reads a service's aggregate figures: staff (every organisation's), an organisation's users and keys (the
/// gateway admits an organisation key only with "figures:read"), and partner keys with the service's read scope (the
/// gateway checks it too). Every partner and organisation caller carries the organisation it acts for, which is what
/// "their own organisation's figures" and "events they co-run" mean.
/// </summary>
public static class FiguresReaders
{
    public const string Policy = "figures-reader";

    /// <param name="readScope">The partner scope of the service, e.g. "events:read".</param>
    public static AuthorizationBuilder AddFiguresReaderPolicy(this AuthorizationBuilder authorization, string readScope) =>
        // The role claim requirement names the roles for the API document (a session or a partner key).
        authorization.AddPolicy(Policy, p => p.RequireAuthenticatedUser()
            .RequireClaim(PlatformClaims.Role, PlatformClaims.Roles.Staff, PlatformClaims.Roles.Organisation, PlatformClaims.Roles.Partner)
            .RequireAssertion(c => c.User.GetRole() switch
            {
                PlatformClaims.Roles.Staff => true,
                PlatformClaims.Roles.Organisation => c.User.GetOrganisationId() is not null,
                PlatformClaims.Roles.Partner => c.User.GetOrganisationId() is not null && c.User.HasScope(readScope),
                _ => false,
            }));

    /// <summary>The organisation the caller reads for; null for staff, who read for every organisation.</summary>
    public static Guid? OrganisationOf(ClaimsPrincipal user) =>
        user.GetRole() == PlatformClaims.Roles.Staff ? null : user.GetOrganisationId();
}
