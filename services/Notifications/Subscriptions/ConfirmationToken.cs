using System.Buffers.Text;
using System.Security.Cryptography;

namespace Platform.Notifications.Subscriptions;

/// <summary>
/// An unguessable single-purpose token: 32 random bytes, base64url so it survives a URL unescaped.
/// Only its SHA-256 is stored; a plain hash is enough because 256 random bits cannot be brute-forced.
/// </summary>
public readonly record struct ConfirmationToken(string Value, byte[] Hash)
{
    public static ConfirmationToken Create()
    {
        var value = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return new ConfirmationToken(value, HashOf(value));
    }

    public static byte[] HashOf(string token) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token));
}
