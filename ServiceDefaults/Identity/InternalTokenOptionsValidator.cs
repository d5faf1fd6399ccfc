using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// Fails start with a message that says what to set, rather than a 401 on every request later.
/// </summary>
internal sealed class InternalTokenOptionsValidator : IValidateOptions<InternalTokenOptions>
{
    private static readonly string KeyHint =
        $"Set configuration key {InternalTokenOptions.SectionName}:SigningKey (environment variable " +
        $"{InternalTokenOptions.SectionName}__SigningKey) to the base64 of at least {InternalTokenOptions.MinimumKeyBytes} " +
        "random bytes, the same value in the gateway and every service; the AppHost injects it into every project.";

    public ValidateOptionsResult Validate(string? name, InternalTokenOptions options)
    {
        var failures = new List<string>();

        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            failures.Add($"{InternalTokenOptions.SectionName}:SigningKey is not configured. {KeyHint}");
        }
        else
        {
            var keyBytes = TryDecode(options.SigningKey);
            if (keyBytes is null)
            {
                failures.Add($"{InternalTokenOptions.SectionName}:SigningKey is not valid base64. {KeyHint}");
            }
            else if (keyBytes.Length < InternalTokenOptions.MinimumKeyBytes)
            {
                failures.Add($"{InternalTokenOptions.SectionName}:SigningKey decodes to {keyBytes.Length} bytes; " +
                             $"at least {InternalTokenOptions.MinimumKeyBytes} are required. {KeyHint}");
            }
        }

        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add($"{InternalTokenOptions.SectionName}:Issuer must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{InternalTokenOptions.SectionName}:Audience must not be empty.");
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

    private static byte[]? TryDecode(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) ? buffer[..written] : null;
    }
}
