using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Platform.ServiceDefaults.Identity;

namespace Platform.Awards.Infrastructure;

/// <summary>Awards' own policies on top of ServiceDefaults' role policies.</summary>
public static class AwardsPolicies
{
    /// <summary>
    /// Judges are people with accounts: staff or organisation users. A judge is identified by the internal token's
    /// subject (the gateway user id), which is stable across sessions; partner API keys are systems, never judges.
    /// Panel membership is checked per request on top of this.
    /// </summary>
    public const string Judge = "awards-judge";

    /// <summary>Partners' systems and staff: aggregate figures that never depend on shortlist or winner status.</summary>
    public const string PartnerOrStaff = "awards-partner-or-staff";

    public static void AddAwardsPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Judge, p => p.RequireAuthenticatedUser()
            .RequireClaim(PlatformClaims.Role, PlatformClaims.Roles.Staff, PlatformClaims.Roles.Organisation)
            .RequireAssertion(c => !string.IsNullOrEmpty(c.User.GetSubject())))
        .AddPolicy(PartnerOrStaff, p => p.RequireAuthenticatedUser()
            .RequireClaim(PlatformClaims.Role, PlatformClaims.Roles.Staff, PlatformClaims.Roles.Partner));

    public static string JudgeSubject(this ClaimsPrincipal user) =>
        user.GetSubject() ?? throw new InvalidOperationException("The judge policy admits only callers with a subject.");
}
