using System.Buffers.Text;
using Platform.ServiceDefaults.Secrets;

namespace Platform.ServiceDefaults.Tests.Secrets;

/// <summary>The one shape of secret in the platform's links, sessions, invitations and API keys.</summary>
public sealed class BearerSecretTests
{
    [Fact]
    public void A_secret_is_256_random_bits_in_base64url_after_its_prefix()
    {
        var session = BearerSecret.Create("st_");
        Assert.StartsWith("st_", session, StringComparison.Ordinal);
        Assert.Equal(32, Base64Url.DecodeFromChars(session.AsSpan("st_".Length)).Length);
        Assert.NotEqual(BearerSecret.Create("st_"), session);
    }

    [Fact]
    public void Only_an_unprefixed_secret_of_the_right_shape_looks_valid()
    {
        Assert.True(BearerSecret.LooksValid(BearerSecret.Create()));
        Assert.False(BearerSecret.LooksValid(null));
        Assert.False(BearerSecret.LooksValid("not-a-token"));
        Assert.False(BearerSecret.LooksValid(new string('!', 43)));
        Assert.False(BearerSecret.LooksValid(BearerSecret.Create("st_")));
    }

    [Fact]
    public void The_stored_hash_is_the_sha256_of_the_secret()
    {
        var secret = BearerSecret.Create();
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)), BearerSecret.Hash(secret));
        Assert.NotEqual(BearerSecret.Hash(BearerSecret.Create()), BearerSecret.Hash(secret));
    }
}
