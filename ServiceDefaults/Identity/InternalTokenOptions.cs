namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// The internal token the gateway mints and every service validates. Bound from section "InternalToken". The gateway
/// signs with an ES256 key pair's private half (<see cref="SigningKey"/>); the AppHost gives each service only the public
/// half (<see cref="PublicKey"/>), so a service that leaks its environment leaks nothing that can mint a token.
/// </summary>
public sealed class InternalTokenOptions
{
    public const string SectionName = "InternalToken";

    public string Issuer { get; set; } = "platform-gateway";

    /// <summary>
    /// This service's own name (defaults to OTEL_SERVICE_NAME, which the AppHost sets to the resource name): the one
    /// audience it accepts. The gateway mints each token for the one service it forwards to, so a token lifted from a
    /// request to one service is refused by every other; there is no audience that all of them accept.
    /// </summary>
    public string? ServiceName { get; set; }

    /// <summary>
    /// Base64 of the PKCS#8 EC P-256 private key the gateway signs with. Only the gateway (and tests acting as it)
    /// has it; a service is given none.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Base64 of the P-256 public key (SubjectPublicKeyInfo) tokens are validated with. Derived from
    /// <see cref="SigningKey"/> when only that is set (the gateway).
    /// </summary>
    public string? PublicKey { get; set; }

    /// <summary>Short, because the token is minted per request at the edge and never stored.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Tolerated clock difference between gateway and services.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The key tokens are validated with: <see cref="PublicKey"/>, or the public half of <see cref="SigningKey"/>.</summary>
    internal string? ValidationKey() =>
        !string.IsNullOrWhiteSpace(PublicKey) ? PublicKey
        : !string.IsNullOrWhiteSpace(SigningKey) && InternalTokenKeys.TryPublicKeyOf(SigningKey) is { } derived ? derived
        : null;
}
