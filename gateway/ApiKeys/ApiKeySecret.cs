using System.Security.Cryptography;
using Platform.ServiceDefaults.Secrets;

namespace Platform.Gateway.ApiKeys;

/// <summary>
/// The key a partner sends: "pk_{prefix}_{secret}". The prefix (12 hex characters) is stored in clear to find the
/// key; the whole key is stored only as a hash. The "pk_" marker lets secret scanners recognise a leaked key.
/// </summary>
public static class ApiKeySecret
{
    public const string Marker = "pk_";
    public const int PrefixLength = 12;

    public static (string Key, string Prefix, byte[] Hash) Create()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixLength / 2));
        var key = BearerSecret.Create($"{Marker}{prefix}_");
        return (key, prefix, BearerSecret.Hash(key));
    }

    /// <returns>The prefix, or null when <paramref name="key"/> is not shaped like a key at all.</returns>
    public static string? TryReadPrefix(string key)
    {
        if (key.Length < Marker.Length + PrefixLength + 2 || !key.StartsWith(Marker, StringComparison.Ordinal)
            || key[Marker.Length + PrefixLength] != '_')
        {
            return null;
        }

        var prefix = key.Substring(Marker.Length, PrefixLength);
        return prefix.All(char.IsAsciiHexDigitLower) ? prefix : null;
    }

    public static bool Matches(string key, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(BearerSecret.Hash(key), storedHash);
}
