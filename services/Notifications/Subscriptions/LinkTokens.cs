using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Notifications.Infrastructure;

namespace Platform.Notifications.Subscriptions;

public enum LinkPurpose : byte
{
    Manage = 1,
    Unsubscribe = 2,
}

/// <summary>
/// The manage and unsubscribe links in every subscriber email: the subscriber id, the purpose and an expiry, signed
/// with HMAC-SHA256 under a key kept in this service's database. Nothing per link is stored, so a fan-out to twenty
/// thousand subscribers needs no writes; the signature makes a token unguessable, and because it covers the id and
/// the purpose, a leaked manage link can neither be turned into another address's nor into an unsubscribe link.
/// </summary>
public sealed class LinkTokens(IOptions<NotificationsOptions> options, TimeProvider timeProvider)
{
    private const int PayloadLength = 1 + 16 + 8;
    private const int MacLength = 32;

    private byte[]? _key;

    /// <summary>Reads the signing key, creating it on the first start (every instance then shares it).</summary>
    public async Task LoadKeyAsync(NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var candidate = RandomNumberGenerator.GetBytes(32);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO link_token_key (id, key) VALUES (1, {candidate}) ON CONFLICT (id) DO NOTHING", cancellationToken);
        _key = await db.LinkTokenKeys.Where(k => k.Id == 1).Select(k => k.Key).SingleAsync(cancellationToken);
    }

    public string Create(LinkPurpose purpose, Guid subscriberId)
    {
        Span<byte> token = stackalloc byte[PayloadLength + MacLength];
        token[0] = (byte)purpose;
        subscriberId.TryWriteBytes(token[1..17]);
        var expires = timeProvider.GetUtcNow() + options.Value.LinkLifetime;
        BinaryPrimitives.WriteInt64BigEndian(token[17..25], expires.ToUnixTimeSeconds());
        HMACSHA256.HashData(Key, token[..PayloadLength], token[PayloadLength..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The subscriber the token was issued for, or null when it is malformed, forged, for another purpose, or expired.</summary>
    public Guid? Read(LinkPurpose purpose, string? token)
    {
        if (token is null || token.Length > 80) return null;
        // Validate first: decoding text that is not base64url at all throws rather than failing softly.
        if (!Base64Url.IsValid(token, out var decodedLength) || decodedLength != PayloadLength + MacLength) return null;
        Span<byte> bytes = stackalloc byte[PayloadLength + MacLength];
        if (!Base64Url.TryDecodeFromChars(token, bytes, out var length) || length != PayloadLength + MacLength) return null;
        Span<byte> expected = stackalloc byte[MacLength];
        HMACSHA256.HashData(Key, bytes[..PayloadLength], expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[PayloadLength..length])) return null;
        if (bytes[0] != (byte)purpose) return null;
        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes[17..25]));
        return expires > timeProvider.GetUtcNow() ? new Guid(bytes[1..17]) : null;
    }

    private byte[] Key => _key ?? throw new InvalidOperationException("The link signing key is not loaded; LoadKeyAsync runs at start.");
}

/// <summary>The one row holding the link signing key.</summary>
public sealed class LinkTokenKey
{
    public int Id { get; init; }

    public required byte[] Key { get; init; }
}
