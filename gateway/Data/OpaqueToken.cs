using System.Security.Cryptography;
using System.Text;

namespace Platform.Gateway.Data;

/// <summary>
/// Bearer secrets the gateway hands out (session tokens, invitation tokens, API key secrets): 256 random bits,
/// URL-safe, stored only as a SHA-256 hash. A fast hash is enough because the secret has full entropy: there is
/// no password to guess, so slow hashing would only cost latency on every request.
/// </summary>
public static class OpaqueToken
{
    public static string Create(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
