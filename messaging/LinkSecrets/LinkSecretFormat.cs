using System.Security.Cryptography;
using System.Text;

namespace Platform.Messaging;

/// <summary>
/// The sealed form of a link secret in an integration event: <c>ls1.{keyId}.{base64url(nonce ‖ ciphertext ‖ tag)}</c>,
/// AES-256-GCM with a fresh 96-bit nonce. The associated data binds the ciphertext to the format's version, the key id,
/// the message type, the property and the event's id, so it opens only where it was sealed: copied into another
/// field, another type or another message (even of the same type) it is refused, as is any changed byte. The version
/// prefix lets a later format sit beside this one; the key id lets keys rotate (old messages keep opening while both
/// keys are held).
/// </summary>
public static class LinkSecretFormat
{
    public const string Version = "ls1";
    public const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public static string Seal(string secret, string keyId, byte[] key, Type messageType, Guid eventId, string field)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var plaintext = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceBytes, plaintext.Length), sealedBytes.AsSpan(NonceBytes + plaintext.Length),
            AssociatedData(keyId, messageType, eventId, field));
        return $"{Version}.{keyId}.{Base64Url(sealedBytes)}";
    }

    /// <summary>The key id a sealed value names, or null when it is not in this format.</summary>
    public static string? KeyIdOf(string value)
    {
        var parts = value.Split('.');
        return parts.Length == 3 && parts[0] == Version && parts[1].Length > 0 ? parts[1] : null;
    }

    /// <exception cref="LinkSecretRefusedException">Not this format, a key not given, or not sealed for this place with it.</exception>
    public static string Open(string value, Func<string, byte[]?> keyFor, Type messageType, Guid eventId, string field)
    {
        var where = $"{messageType.Name}.{field}";
        var keyId = KeyIdOf(value) ?? throw new LinkSecretRefusedException($"{where} is not a sealed link secret ({Version}).");
        var key = keyFor(keyId) ?? throw new LinkSecretRefusedException($"{where} is sealed with key '{keyId}', which this service does not hold for it.");
        byte[] sealedBytes;
        try
        {
            sealedBytes = FromBase64Url(value[(Version.Length + keyId.Length + 2)..]);
        }
        catch (FormatException)
        {
            throw new LinkSecretRefusedException($"{where} is not a sealed link secret ({Version}).");
        }

        if (sealedBytes.Length < NonceBytes + TagBytes) throw new LinkSecretRefusedException($"{where} is too short to be a sealed link secret.");
        var length = sealedBytes.Length - NonceBytes - TagBytes;
        var plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(key, TagBytes);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length),
                plaintext, AssociatedData(keyId, messageType, eventId, field));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new LinkSecretRefusedException($"{where} does not open with key '{keyId}': altered, or sealed for another message or field.");
        }

        return Encoding.UTF8.GetString(plaintext);
    }

    private static byte[] AssociatedData(string keyId, Type messageType, Guid eventId, string field)
    {
        var text = Encoding.UTF8.GetBytes($"{Version}\n{keyId}\n{messageType.FullName}\n{field}\n");
        var data = new byte[text.Length + 16];
        text.CopyTo(data, 0);
        eventId.TryWriteBytes(data.AsSpan(text.Length), bigEndian: true, out _);
        return data;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '='));
    }
}

/// <summary>A link secret that does not open: the message goes to its error queue at once (retrying cannot help).</summary>
public sealed class LinkSecretRefusedException(string message) : Exception(message);
