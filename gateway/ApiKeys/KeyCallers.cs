using System.Security.Claims;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.ApiKeys;

/// <summary>
/// A caller that authenticated with a key (partner or organisation) rather than as a person: it has no account, so
/// nothing that acts on an account (signing out, a password, issuing keys) is for it, whatever its role.
/// </summary>
public static class KeyCallers
{
    public static bool IsKey(ClaimsPrincipal user) => IsKey(user.GetSubject());

    public static bool IsKey(string? subject) => subject?.StartsWith(ApiKeyAuthenticator.SubjectPrefix, StringComparison.Ordinal) == true;
}
