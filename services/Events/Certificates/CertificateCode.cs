using System.Security.Cryptography;
using Platform.Events.CheckIn;

namespace Platform.Events.Certificates;

/// <summary>
/// The verification code: 20 characters from the check-in codes' alphabet without look-alikes, so it can be typed
/// from paper. 30^20 ≈ 3.5×10^29 (98 bits) from a cryptographic generator: not guessable, and a made-up code
/// verifies nothing. Shown in groups of four ("ABCD-EFGH-…"); stored and compared without the hyphens.
/// </summary>
public static class CertificateCode
{
    private const string Alphabet = CheckInCode.Alphabet;
    public const int Length = 20;

    public static string Create() => RandomNumberGenerator.GetString(Alphabet, Length);

    /// <summary>The code as stored, or null when it cannot be one (wrong length or characters).</summary>
    public static string? Normalise(string? code)
    {
        var plain = (code ?? "").Trim().Replace("-", "").Replace(" ", "").ToUpperInvariant();
        return plain.Length == Length && plain.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? plain : null;
    }

    public static string Format(string code) => string.Join('-', code.Chunk(4).Select(c => new string(c)));
}
