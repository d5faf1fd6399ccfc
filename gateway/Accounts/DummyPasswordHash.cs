using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Platform.Gateway.Accounts;

/// <summary>
/// A sign-in for an account that does not exist checks the password against this hash, made once by the same hasher
/// as real ones: the same work as for a real account, so the time an answer takes does not tell which accounts exist.
/// </summary>
public sealed class DummyPasswordHash
{
    private static readonly GatewayUser Nobody = new() { Role = "none" };

    private string? _hash;

    /// <param name="hasher">The request's hasher (Identity's is scoped), the one real passwords are checked with.</param>
    public void Verify(IPasswordHasher<GatewayUser> hasher, string password)
    {
        // Made on first use; two first uses at once each make one, and either serves.
        var hash = _hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
