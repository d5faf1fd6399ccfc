using Microsoft.Extensions.Options;

namespace Platform.Messaging;

/// <summary>Consumer-side settings, bound from <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>
    /// Prefix of every queue this service creates, so two services consuming one event get a queue each.
    /// Defaults to the application name in kebab case.
    /// </summary>
    public string? EndpointPrefix { get; set; }

    /// <summary>Redeliveries in-process before a message goes to its <c>_error</c> queue.</summary>
    public int RetryLimit { get; set; } = 3;

    public TimeSpan RetryInitialInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan RetryIntervalIncrement { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Refuse a consumed message unless the broker vouches (user_id) that the service owning its type published it
    /// (<see cref="PublisherCheck"/>). Off only where every service shares one broker login (a service run on its own).
    /// </summary>
    public bool VerifyPublisher { get; set; } = true;

    /// <summary>Messages per error queue shown by the dead-letter listing.</summary>
    public int DeadLetterPeekLimit { get; set; } = 20;
}

internal sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions o)
    {
        var failures = new List<string>();
        if (o.EndpointPrefix is not null && !System.Text.RegularExpressions.Regex.IsMatch(o.EndpointPrefix, "^[a-z0-9][a-z0-9-]*$"))
            failures.Add($"{MessagingOptions.SectionName}:EndpointPrefix must be lower-case kebab case.");
        if (o.RetryLimit is < 0 or > 20) failures.Add($"{MessagingOptions.SectionName}:RetryLimit must be between 0 and 20.");
        if (o.RetryInitialInterval < TimeSpan.Zero) failures.Add($"{MessagingOptions.SectionName}:RetryInitialInterval must not be negative.");
        if (o.RetryIntervalIncrement < TimeSpan.Zero) failures.Add($"{MessagingOptions.SectionName}:RetryIntervalIncrement must not be negative.");
        if (o.DeadLetterPeekLimit is < 1 or > 1000) failures.Add($"{MessagingOptions.SectionName}:DeadLetterPeekLimit must be between 1 and 1000.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
