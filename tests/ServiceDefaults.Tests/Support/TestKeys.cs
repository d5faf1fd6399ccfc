using System.Security.Cryptography;

namespace Platform.ServiceDefaults.Tests.Support;

public static class TestKeys
{
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
