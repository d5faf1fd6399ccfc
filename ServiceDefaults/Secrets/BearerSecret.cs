using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Platform.ServiceDefaults.Secrets;

/// <summary>
/// A secret that is its own proof: whoever holds it may act. The manage and volunteer links emailed to people without
/// accounts carry one, and the gateway hands them out as session tokens, invitations and API keys. 256 random bits,
/// base64url, after an optional prefix that says what kind it is. Only its SHA-256 is stored, so a copy of a database
/// lets nobody act for anyone; a fast hash is enough because the secret has full entropy (there is no password to
/// guess, so slow hashing would only cost latency on every request).
/// </summary>
public static class BearerSecret
{
    private const int RandomBytes = 32;
    private const int EncodedLength = 43;

    public static string Create(string prefix = "") => prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    /// <summary>Rejects obvious junk (a secret without a prefix) before touching the database.</summary>
    public static bool LooksValid(string? secret) => secret is { Length: EncodedLength } && Base64Url.IsValid(secret);
}
