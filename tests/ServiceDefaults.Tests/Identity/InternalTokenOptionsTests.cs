using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests.Identity;

public sealed class InternalTokenOptionsTests
{
    [Theory]
    [InlineData(null, "PublicKey is not configured")]
    [InlineData("not base64!", "PublicKey is not the base64 of an EC P-256 public key")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==", "PublicKey is not the base64 of an EC P-256 public key")]
    public async Task Start_fails_with_a_clear_message_when_the_public_key_is_missing_or_not_one(string? key, string expected)
    {
        var configuration = new Dictionary<string, string?> { ["InternalToken:PublicKey"] = key, ["OTEL_SERVICE_NAME"] = "events" };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(_ => { }, configuration));

        Assert.Contains(expected, error.Message);
        Assert.Contains("InternalToken__PublicKey", error.Message);
    }

    [Fact]
    public async Task Start_fails_without_the_service_name_its_one_audience()
    {
        var configuration = new Dictionary<string, string?> { ["InternalToken:PublicKey"] = TestKeys.PublicKeyOf(TestKeys.NewSigningKey()) };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(_ => { }, configuration));

        Assert.Contains("ServiceName", error.Message);
    }

    [Fact]
    public async Task A_service_given_only_the_public_key_starts_and_cannot_mint_a_token()
    {
        await using var app = await TestApp.StartAsync(_ => { }, TestApp.WithKey(TestKeys.NewSigningKey()));

        var issuer = app.Services.GetRequiredService<InternalTokenIssuer>();

        Assert.Null(app.Services.GetRequiredService<IOptions<InternalTokenOptions>>().Value.SigningKey);
        var refused = Assert.Throws<InvalidOperationException>(() => issuer.Issue(InternalIdentity.Anonymous, TestApp.ServiceName));
        Assert.Contains("only the gateway", refused.Message);
    }

    [Fact]
    public async Task A_symmetric_key_is_not_a_signing_key()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["InternalToken:SigningKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["OTEL_SERVICE_NAME"] = "gateway",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApp.StartAsync(_ => { }, configuration));

        Assert.Contains("SigningKey is not the base64 of a PKCS#8 EC P-256 private key", error.Message);
    }
}
