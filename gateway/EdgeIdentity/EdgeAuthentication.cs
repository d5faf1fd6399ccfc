using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.EdgeIdentity;

/// <summary>
/// What the edge made of a caller's credentials. Three outcomes, because "sent nothing" (the public: go on
/// anonymously) and "sent something wrong" (401, never silently anonymous) must not be confused.
/// </summary>
/// <param name="PermitsPerMinute">A partner key's own rate limit; null for callers under the general limits.</param>
public sealed record EdgeAuthentication(InternalIdentity? Identity, string? Failure, int? PermitsPerMinute = null)
{
    public static readonly EdgeAuthentication Anonymous = new(null, null);

    public static EdgeAuthentication Failed(string reason) => new(null, reason);

    public static EdgeAuthentication Succeeded(InternalIdentity identity, int? permitsPerMinute = null) =>
        new(identity, null, permitsPerMinute);
}
