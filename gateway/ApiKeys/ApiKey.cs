namespace Platform.Gateway.ApiKeys;

/// <summary>
/// A partner system's or a voluntary organisation's credential (<see cref="ApiKeyKind"/>). The secret is shown once at creation; only its hash is kept. The prefix is
/// public (it is part of the key and shown in listings) and finds the row without scanning hashes.
/// </summary>
public sealed class ApiKey
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Prefix { get; init; }
    public required byte[] SecretHash { get; init; }
    public required string Name { get; set; }
    public Guid OrganisationId { get; init; }

    public ApiKeyKind Kind { get; init; } = ApiKeyKind.Partner;

    /// <summary>Space-separated, e.g. "events:read awards:read".</summary>
    public required string Scopes { get; set; }

    public int PermitsPerMinute { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The key that replaced this one on rotation; this one keeps working until its (shortened) expiry.</summary>
    public Guid? ReplacedBy { get; set; }

    public IReadOnlyList<string> ScopeList() => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}
