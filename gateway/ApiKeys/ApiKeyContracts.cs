namespace Platform.Gateway.ApiKeys;

/// <param name="ExpiresAt">Defaults to a year from now.</param>
/// <param name="PermitsPerMinute">The key's own rate limit; defaults to 60.</param>
/// <param name="Kind">Partner (the default) or Organisation: a key that acts as the voluntary organisation itself.</param>
public sealed record CreateApiKeyRequest(
    string Name, Guid OrganisationId, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt, int? PermitsPerMinute,
    ApiKeyKind? Kind = null);

/// <summary>An organisation user issues a key for their own organisation (which the request therefore does not name).</summary>
public sealed record CreateOrganisationKeyRequest(string Name, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt);

/// <param name="Key">The secret, shown only in this response.</param>
public sealed record CreatedApiKeyResponse(
    Guid Id, string Key, string Prefix, string Name, Guid OrganisationId, IReadOnlyList<string> Scopes,
    DateTimeOffset ExpiresAt, int PermitsPerMinute, ApiKeyKind Kind);

public sealed record ApiKeyResponse(
    Guid Id, string Prefix, string Name, Guid OrganisationId, IReadOnlyList<string> Scopes, int PermitsPerMinute,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, Guid? ReplacedBy,
    ApiKeyKind Kind)
{
    public static ApiKeyResponse From(ApiKey key) => new(
        key.Id, key.Prefix, key.Name, key.OrganisationId, key.ScopeList(), key.PermitsPerMinute,
        key.CreatedAt, key.ExpiresAt, key.LastUsedAt, key.RevokedAt, key.ReplacedBy, key.Kind);
}

/// <param name="OverlapSeconds">How long the old secret keeps working, so the partner can deploy the new one; default 24 h.</param>
public sealed record RotateApiKeyRequest(int? OverlapSeconds);
