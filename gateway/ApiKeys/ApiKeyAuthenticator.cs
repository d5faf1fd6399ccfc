using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Platform.Gateway.Data;
using Platform.Gateway.EdgeIdentity;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.ApiKeys;

/// <summary>
/// Checks a partner's key on every request. Keys are cached by prefix for a short while so a busy partner does not
/// cost a database round trip per request; revocation and rotation evict the entry (<see cref="Evict"/>), so they
/// take effect at once on this gateway, and on every other within <see cref="ApiKeyOptions.CacheFor"/>.
/// </summary>
public sealed class ApiKeyAuthenticator(IServiceScopeFactory scopes, IMemoryCache cache, IOptions<ApiKeyOptions> options, TimeProvider time)
{
    // Last-used is informational: recording it at most once a minute keeps writes off the hot path.
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>A key's subject in the internal token is "apikey:{id}": services record it as the actor.</summary>
    public const string SubjectPrefix = "apikey:";

    public async ValueTask<EdgeAuthentication> AuthenticateAsync(string key, CancellationToken cancellationToken)
    {
        var prefix = ApiKeySecret.TryReadPrefix(key);
        if (prefix is null)
        {
            return EdgeAuthentication.Failed("The API key is malformed.");
        }

        var apiKey = await FindAsync(prefix, cancellationToken);
        var now = time.GetUtcNow();
        if (apiKey is null || !ApiKeySecret.Matches(key, apiKey.SecretHash))
        {
            return EdgeAuthentication.Failed("The API key is not valid.");
        }

        if (apiKey.RevokedAt is not null)
        {
            return EdgeAuthentication.Failed("The API key has been revoked.");
        }

        if (now >= apiKey.ExpiresAt)
        {
            return EdgeAuthentication.Failed("The API key has expired.");
        }

        if (apiKey.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUsedResolution)
        {
            apiKey.LastUsedAt = now;
            await RecordUseAsync(apiKey.Id, now, cancellationToken);
        }

        var role = apiKey.Kind == ApiKeyKind.Organisation ? PlatformClaims.Roles.Organisation : PlatformClaims.Roles.Partner;
        var identity = new InternalIdentity($"{SubjectPrefix}{apiKey.Id}", role, apiKey.OrganisationId, apiKey.ScopeList());
        return EdgeAuthentication.Succeeded(identity, apiKey.PermitsPerMinute);
    }

    public void Evict(string prefix) => cache.Remove(CacheKey(prefix));

    private async Task<ApiKey?> FindAsync(string prefix, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey(prefix), out ApiKey? cached))
        {
            return cached;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var apiKey = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        // Unknown prefixes are not cached: a caller trying random keys must not fill the cache.
        if (apiKey is not null && options.Value.CacheFor > TimeSpan.Zero)
        {
            cache.Set(CacheKey(prefix), apiKey, options.Value.CacheFor);
        }

        return apiKey;
    }

    private async Task RecordUseAsync(Guid id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        await db.ApiKeys.Where(k => k.Id == id).ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), cancellationToken);
    }

    private static string CacheKey(string prefix) => $"apikey:{prefix}";
}
