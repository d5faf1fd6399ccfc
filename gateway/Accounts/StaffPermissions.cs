namespace Platform.Gateway.Accounts;

/// <summary>
/// What a staff account may hold beyond the staff role, each granted by another member of staff. A permission is
/// carried to the services as the scopes it names in the internal token, so a service checks it as it checks any scope
/// (<c>PlatformPolicies.Scope</c>). Partner keys never carry these: their scopes are <c>{service}:read|write</c> only.
/// </summary>
public static class StaffPermissions
{
    /// <summary>Look up and erase one subscriber's personal data (Notifications' <c>/subscribers/lookup</c> and <c>/erasures</c>).</summary>
    public const string DataProtection = "data-protection";

    private static readonly Dictionary<string, string[]> Scopes = new(StringComparer.Ordinal)
    {
        [DataProtection] = ["notifications:subscribers"],
    };

    public static IReadOnlyCollection<string> All => Scopes.Keys;

    public static bool Exists(string permission) => Scopes.ContainsKey(permission);

    /// <summary>The scopes a staff account's permissions put in its internal token; none for anyone else.</summary>
    public static IReadOnlyList<string> ScopesOf(GatewayUser user) =>
        user.Role == Platform.ServiceDefaults.Identity.PlatformClaims.Roles.Staff
            ? user.Permissions.Where(Scopes.ContainsKey).SelectMany(p => Scopes[p]).Distinct().Order(StringComparer.Ordinal).ToList()
            : [];
}
