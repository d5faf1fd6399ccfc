using System.Security.Claims;
using Platform.ServiceDefaults.Identity;

namespace Platform.Volunteers.Infrastructure;

/// <summary>Who is acting, as the gateway's internal token says; recorded on pipeline transitions and approvals.</summary>
public static class Caller
{
    /// <summary>Only called behind the <c>organisation</c> policy, which guarantees the claim.</summary>
    public static Guid OrganisationId(this ClaimsPrincipal user) =>
        user.GetOrganisationId() ?? throw new InvalidOperationException("The organisation policy admits only tokens with an organisation id.");

    public static bool IsStaff(this ClaimsPrincipal user) => user.GetRole() == PlatformClaims.Roles.Staff;

    public static string Actor(this ClaimsPrincipal user) => $"{user.GetRole() ?? "public"}:{user.GetSubject() ?? "unknown"}";
}
