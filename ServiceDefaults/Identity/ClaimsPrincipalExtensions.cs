using System.Security.Claims;

namespace Platform.ServiceDefaults.Identity;

public static class ClaimsPrincipalExtensions
{
    /// <returns>The caller's organisation, or null when the token names none (or an unreadable one).</returns>
    public static Guid? GetOrganisationId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirst(PlatformClaims.OrganisationId)?.Value, out var id) ? id : null;

    public static string? GetSubject(this ClaimsPrincipal principal) =>
        principal.FindFirst(PlatformClaims.Subject)?.Value;

    public static string? GetRole(this ClaimsPrincipal principal) =>
        principal.FindFirst(PlatformClaims.Role)?.Value;

    // Split every scope claim: a token may carry one space-separated claim or, from other issuers, several.
    public static IReadOnlySet<string> GetScopes(this ClaimsPrincipal principal) =>
        principal.FindAll(PlatformClaims.Scope)
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);

    public static bool HasScope(this ClaimsPrincipal principal, string scope) =>
        principal.GetScopes().Contains(scope);
}
