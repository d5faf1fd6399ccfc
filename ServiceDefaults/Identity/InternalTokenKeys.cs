using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// The internal token's key pair: ECDSA on P-256, tokens signed ES256. Chosen over RS256 because the keys are small
/// (a 138-byte private key and a 91-byte public key, as base64 DER, fit an environment variable), a signature costs
/// a fraction of an RSA-2048 one at the gateway, which mints per caller and service, and is 64 bytes on every internal
/// request instead of 256. Verifying is slower than RSA's, but each service verifies a token once and then caches it
/// (<see cref="ValidatedTokenCache"/>).
/// </summary>
public static class InternalTokenKeys
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    /// <summary>A new key pair: base64 PKCS#8 private key and base64 SubjectPublicKeyInfo public key.</summary>
    public static (string PrivateKey, string PublicKey) NewPair()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (Convert.ToBase64String(key.ExportPkcs8PrivateKey()), Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>The public half of a base64 PKCS#8 private key; null when it is not a P-256 private key.</summary>
    public static string? TryPublicKeyOf(string privateKey)
    {
        using var key = TryImportPrivate(privateKey);
        return key is null ? null : Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The private key, or null when the text is not base64 of a PKCS#8 P-256 private key.</summary>
    public static ECDsa? TryImportPrivate(string privateKey) => TryImport(privateKey, (key, der) => key.ImportPkcs8PrivateKey(der, out _));

    /// <summary>The public key, or null when the text is not base64 of a P-256 SubjectPublicKeyInfo.</summary>
    public static ECDsa? TryImportPublic(string publicKey) => TryImport(publicKey, (key, der) => key.ImportSubjectPublicKeyInfo(der, out _));

    private static ECDsa? TryImport(string base64, Action<ECDsa, byte[]> import)
    {
        var der = new byte[base64.Length];
        if (!Convert.TryFromBase64String(base64.Trim(), der, out var written)) return null;
        var key = ECDsa.Create();
        try
        {
            import(key, der[..written]);
            // P-256 only: ES256 is defined on it, and a weaker curve must not slip in through configuration.
            if (key.KeySize == 256 && key.ExportParameters(false).Curve.Oid.Value == ECCurve.NamedCurves.nistP256.Oid.Value) return key;
        }
        catch (CryptographicException)
        {
        }

        key.Dispose();
        return null;
    }
}
