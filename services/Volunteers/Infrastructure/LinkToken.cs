using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Volunteers.Infrastructure;

/// <summary>
/// The secret in an applicant's manage link or a volunteer's own link: 256 random bits, base64url. Only its SHA-256
/// is stored, so a copy of the database does not let anyone act for them. A plain hash suffices: it is not guessable.
/// </summary>
public static class LinkToken
{
    public static string Create() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Rejects obvious junk before touching the database.</summary>
    public static bool LooksValid(string? token) => token is { Length: 43 } && Base64Url.IsValid(token);
}
