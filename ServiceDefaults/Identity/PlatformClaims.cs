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

        /// <summary>
        /// The public, through the gateway without an account or key: the role of the token the gateway mints for an
        /// anonymous caller, so that every request a service accepts carries one. No policy admits it (a service sees it
        /// as no account at all: not authenticated), and a policy refuses it with 401, as a missing token was before.
        /// </summary>
        public const string Anonymous = "anonymous";

        /// <summary>The roles of callers with an account or key.</summary>
        public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Staff, Organisation, Partner };
    }
}
