namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// Claim types and values of the internal token. Short JWT names, never remapped to the long
/// WS-Federation URIs, so what the gateway writes is exactly what a service reads.
/// </summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string OrganisationId = "org_id";

    /// <summary>Space-separated, as in OAuth 2.0 (RFC 8693 "scope").</summary>
    public const string Scope = "scope";

    public static class Roles
    {
        public const string Staff = "staff";
        public const string Organisation = "organisation";
        public const string Partner = "partner";

        public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Staff, Organisation, Partner };
    }
}
