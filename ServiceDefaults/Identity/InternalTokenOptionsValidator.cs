using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// Fails start with a message that says what to set, rather than a 401 on every request later.
/// </summary>
internal sealed class InternalTokenOptionsValidator : IValidateOptions<InternalTokenOptions>
{
    private static readonly string KeyHint =
        $"Set {InternalTokenOptions.SectionName}:PublicKey (environment variable {InternalTokenOptions.SectionName}__PublicKey) " +
        "to the base64 SubjectPublicKeyInfo of the gateway's EC P-256 key in every service, and " +
        $"{InternalTokenOptions.SectionName}:SigningKey to its base64 PKCS#8 private key in the gateway only; " +
        "the AppHost generates the pair and injects them.";

    public ValidateOptionsResult Validate(string? name, InternalTokenOptions options)
    {
        var failures = new List<string>();

        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            using var signing = InternalTokenKeys.TryImportPrivate(options.SigningKey);
            if (signing is null)
            {
                failures.Add($"{InternalTokenOptions.SectionName}:SigningKey is not the base64 of a PKCS#8 EC P-256 private key. {KeyHint}");
            }
        }

        if (!string.IsNullOrWhiteSpace(options.PublicKey))
        {
            using var validation = InternalTokenKeys.TryImportPublic(options.PublicKey);
            if (validation is null)
            {
                failures.Add($"{InternalTokenOptions.SectionName}:PublicKey is not the base64 of an EC P-256 public key. {KeyHint}");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            failures.Add($"{InternalTokenOptions.SectionName}:PublicKey is not configured. {KeyHint}");
        }

        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add($"{InternalTokenOptions.SectionName}:Issuer must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.ServiceName))
        {
            failures.Add($"{InternalTokenOptions.SectionName}:ServiceName (or OTEL_SERVICE_NAME, which the AppHost sets) is not " +
                         "configured: it is the one audience this service accepts.");
        }

        if (options.Lifetime <= TimeSpan.Zero || options.Lifetime > TimeSpan.FromHours(1))
        {
            failures.Add($"{InternalTokenOptions.SectionName}:Lifetime must be positive and at most one hour (it is {options.Lifetime}).");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{InternalTokenOptions.SectionName}:ClockSkew must be between 0 and 5 minutes (it is {options.ClockSkew}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
