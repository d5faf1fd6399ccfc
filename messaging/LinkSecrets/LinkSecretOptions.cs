using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Platform.Contracts;

namespace Platform.Messaging;

/// <summary>
/// Keys for link secrets (<see cref="LinkSecretAttribute"/>), bound from <c>Messaging:LinkSecrets</c>. A publishing
/// service holds its own key and seals with it; Notifications holds every publisher's key and opens. A key id is the
/// owning service's broker login and a number (<c>events-1</c>): a secret in an event opens only with a key of the
/// service that owns the event's type. To rotate, give the new key (<c>events-2</c>) to both sides, seal with it, and
/// drop the old one from Notifications once no message sealed with it is left in a queue or outbox.
/// </summary>
public sealed class LinkSecretOptions
{
    public const string SectionName = "Messaging:LinkSecrets";

    /// <summary>Key id to 32 random bytes in standard base64.</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The key id this service seals with; null for a service that publishes no link secrets.</summary>
    public string? SealWith { get; set; }

    /// <summary>The service a key id belongs to (<c>events-1</c> → <c>events</c>).</summary>
    public static string OwnerOf(string keyId) => keyId[..Math.Max(0, keyId.LastIndexOf('-'))];
}

internal sealed partial class LinkSecretOptionsValidator : IValidateOptions<LinkSecretOptions>
{
    public ValidateOptionsResult Validate(string? name, LinkSecretOptions o)
    {
        var failures = new List<string>();
        foreach (var (id, key) in o.Keys)
        {
            if (!KeyId().IsMatch(id)) failures.Add($"{LinkSecretOptions.SectionName}:Keys:{id}: a key id is a service's login and a number, such as events-1.");
            if (!IsKey(key)) failures.Add($"{LinkSecretOptions.SectionName}:Keys:{id} must be {LinkSecretFormat.KeyBytes} bytes in standard base64.");
        }

        if (o.SealWith is not null && !o.Keys.ContainsKey(o.SealWith))
            failures.Add($"{LinkSecretOptions.SectionName}:SealWith names '{o.SealWith}', which is not among its Keys.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsKey(string value)
    {
        var bytes = new byte[LinkSecretFormat.KeyBytes + 3];
        return Convert.TryFromBase64String(value, bytes, out var written) && written == LinkSecretFormat.KeyBytes;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*-[0-9]{1,6}$")]
    private static partial Regex KeyId();
}

/// <summary>
/// On the broker (where the service's login is known): a service that owns an event type carrying a link secret must
/// have a key of its own to seal it with, so a missing key stops the service at start instead of failing its first
/// registration or application.
/// </summary>
internal sealed class LinkSecretSealingRequired(BrokerAddress broker) : IValidateOptions<LinkSecretOptions>
{
    public ValidateOptionsResult Validate(string? name, LinkSecretOptions o)
    {
        var owned = typeof(IntegrationEvent).Assembly.GetTypes()
            .Where(t => PublisherCheck.OwnerOf(t) == broker.Username && t.GetProperties().Any(p => p.IsDefined(typeof(LinkSecretAttribute), inherit: true)))
            .Select(t => t.Name).Order().ToList();
        if (owned.Count == 0) return ValidateOptionsResult.Success;
        if (o.SealWith is null)
            return ValidateOptionsResult.Fail($"{LinkSecretOptions.SectionName}:SealWith is required: {broker.Username} publishes link secrets in {string.Join(", ", owned)}.");
        return LinkSecretOptions.OwnerOf(o.SealWith) == broker.Username
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{LinkSecretOptions.SectionName}:SealWith must be one of {broker.Username}'s keys ({broker.Username}-N), not '{o.SealWith}'.");
    }
}
