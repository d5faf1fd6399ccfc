using Platform.ServiceDefaults.Identity;

namespace Platform.ServiceDefaults.Tests.Support;

public static class TestKeys
{
    /// <summary>A new ES256 private key (base64 PKCS#8): the tests act as the gateway with a key pair of their own.</summary>
    public static string NewSigningKey() => InternalTokenKeys.NewPair().PrivateKey;

    /// <summary>The public half, which is all a service is given.</summary>
    public static string PublicKeyOf(string signingKey) => InternalTokenKeys.TryPublicKeyOf(signingKey)!;
}
