namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// The internal token the gateway mints and every service validates. Bound from section "InternalToken";
/// the AppHost injects InternalToken__SigningKey into every project so they share one key.
/// </summary>
public sealed class InternalTokenOptions
{
    public const string SectionName = "InternalToken";

    /// <summary>Minimum key size for HMAC-SHA256: shorter keys weaken the signature.</summary>
    public const int MinimumKeyBytes = 32;

    public string Issuer { get; set; } = "platform-gateway";

    public string Audience { get; set; } = "platform-services";

    /// <summary>
    /// This service's own name (defaults to OTEL_SERVICE_NAME, which the AppHost sets to the resource name). The
    /// gateway mints each token for the one service it forwards to (audience = that name), so a token lifted from
    /// a request to one service is refused by the others.
    /// </summary>
    public string? ServiceName { get; set; }

    /// <summary>The audiences a service accepts: its own name, and the shared <see cref="Audience"/>.</summary>
    public IEnumerable<string> AcceptedAudiences() =>
        string.IsNullOrWhiteSpace(ServiceName) ? [Audience] : [ServiceName, Audience];

    /// <summary>Base64 of at least 32 random bytes. Required: there is deliberately no development fallback.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Short, because the token is minted per request at the edge and never stored.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Tolerated clock difference between gateway and services.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    internal byte[] SigningKeyBytes() => Convert.FromBase64String(SigningKey ?? string.Empty);
}
