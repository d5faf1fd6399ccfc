using Platform.Web.Api;

namespace Platform.Web.Manage.ApiKeys;

/// <summary>GET /gateway/api-keys: a partner's key without its secret.</summary>
public sealed record PartnerKey(
    Guid Id, string Prefix, string Name, Guid OrganisationId, IReadOnlyList<string> Scopes, int PermitsPerMinute,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, Guid? ReplacedBy)
{
    /// <summary>Whether the key still opens the API at <paramref name="now"/> (a rotated key until its overlap ends).</summary>
    public bool WorksAt(DateTimeOffset now) => RevokedAt is null && ExpiresAt > now;
}

/// <summary>POST /gateway/api-keys and /rotate: the new key with its secret, shown this once.</summary>
public sealed record IssuedKey(Guid Id, string Key, string Prefix, string Name, Guid OrganisationId, IReadOnlyList<string> Scopes, DateTimeOffset ExpiresAt, int PermitsPerMinute);

public sealed record Organisation(Guid Id, string Name, DateTimeOffset CreatedAt);

/// <summary>The gateway's key and organisation calls as the API-key pages make them.</summary>
public static class PartnerKeys
{
    /// <summary>
    /// The scopes a key may hold: read or write for each service behind the gateway. The gateway checks them
    /// (ApiKeyScopes) and names the allowed ones in its refusal if this list ever falls behind.
    /// </summary>
    public static readonly IReadOnlyList<(string Scope, string Text)> Scopes =
    [
        ("events:read", "Events: read"), ("events:write", "Events: write"),
        ("volunteers:read", "Volunteering: read"), ("volunteers:write", "Volunteering: write"),
        ("awards:read", "Awards: read"), ("awards:write", "Awards: write"),
        ("notifications:read", "Notifications: read"), ("notifications:write", "Notifications: write"),
    ];

    /// <summary>How long a rotated key's old secret keeps working, so the partner can deploy the new one.</summary>
    public static readonly IReadOnlyList<(int Seconds, string Text)> Overlaps =
    [
        (3_600, "1 hour"), (86_400, "24 hours"), (7 * 86_400, "7 days"), (0, "None: the old key stops now"),
    ];

    private const int MostPages = 10;

    /// <summary>Every organisation by name (a county has tens of partners, not thousands).</summary>
    public static Task<IReadOnlyList<Organisation>> OrganisationsAsync(this PlatformApi api, CancellationToken ct) =>
        api.AllAsync<Organisation>("gateway/organisations", MostPages, ct);

    /// <summary>Every key, newest first.</summary>
    public static async Task<IReadOnlyList<PartnerKey>> KeysAsync(this PlatformApi api, CancellationToken ct) =>
        (await api.AllAsync<PartnerKey>("gateway/api-keys", MostPages, ct)).OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id).ToList();

    public static string When(DateTimeOffset at) =>
        at.ToString("d MMM yyyy, HH:mm 'UTC'", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
