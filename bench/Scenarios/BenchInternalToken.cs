using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Platform.Bench.Scenarios;

/// <summary>
/// The anonymous caller's internal token, as the gateway attaches it: a service answers nothing without one, so the
/// paths that skip the gateway (straight to the service, nginx, bare YARP) send it too. Signed ES256 with the private
/// half of the platform's key pair from the data folder's secrets.json; valid for an hour, longer than any run.
/// </summary>
internal static class BenchInternalToken
{
    public static string AnonymousFor(BenchOptions options, string service)
    {
        using var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(Convert.FromBase64String(PlatformSecrets.Read(options)["internal-token-key-private"]), out _);
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "ES256", typ = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["iss"] = "platform-gateway",
            ["aud"] = service,
            ["sub"] = "anonymous",
            ["role"] = "anonymous",
            ["jti"] = Guid.CreateVersion7().ToString(),
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
        }));
        // .NET signs in IEEE P1363 form (r || s), which is JWS's.
        var signature = key.SignData(Encoding.ASCII.GetBytes($"{header}.{payload}"), HashAlgorithmName.SHA256);
        return $"{header}.{payload}.{Base64Url(signature)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

}
