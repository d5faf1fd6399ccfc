using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests.Identity;

public sealed class InternalTokenOptionsTests
{
    [Theory]
    [InlineData(null, "is not configured")]
    [InlineData("not base64!", "is not valid base64")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==", "decodes to 16 bytes")]
    public async Task Start_fails_with_a_clear_message_when_the_signing_key_is_missing_or_weak(string? key, string expected)
    {
        var configuration = new Dictionary<string, string?> { ["InternalToken:SigningKey"] = key };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(_ => { }, configuration));

        Assert.Contains(expected, error.Message);
        Assert.Contains("InternalToken__SigningKey", error.Message);
    }

    [Fact]
    public async Task Start_succeeds_with_a_32_byte_key()
    {
        await using var app = await TestApp.StartAsync(_ => { }, TestApp.WithKey(TestKeys.NewSigningKey()));
    }
}
