using System.Security.Cryptography;

namespace Platform.Events.CheckIn;

/// <summary>
/// Eight characters from an alphabet without look-alikes (no 0/O, 1/I/L, U), so a code read aloud at the desk is
/// typed right. 30^8 ≈ 6.6×10^11 codes; a unique index per event catches the vanishing chance of a repeat.
/// </summary>
public static class CheckInCode
{
    /// <summary>Also the alphabet of certificates' verification codes, which are typed from paper alike.</summary>
    public const string Alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
    public const int Length = 8;

    public static string Create() => RandomNumberGenerator.GetString(Alphabet, Length);

    public static string Normalise(string? code) => (code ?? "").Trim().Replace("-", "").Replace(" ", "").ToUpperInvariant();
}
