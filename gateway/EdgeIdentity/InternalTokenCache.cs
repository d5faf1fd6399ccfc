using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.EdgeIdentity;

/// <summary>
/// Reuses a minted internal token for the same caller and service for a fraction of its lifetime, so a busy partner
/// (or the public, all one anonymous caller) does not cost an ES256 signature per request. Safe because the token never leaves the gateway-to-service hop, and
/// the caller's own credential is still checked on every request (a revoked key stops at once; its cached token is
/// simply never sent again).
/// </summary>
internal sealed class InternalTokenCache(InternalTokenIssuer issuer, IMemoryCache cache, IOptions<InternalTokenOptions> options, TimeProvider time)
{
    public string TokenFor(InternalIdentity identity, string audience)
    {
        var key = $"internal-token|{audience}|{identity.Subject}|{identity.Role}|{identity.OrganisationId}|{string.Join(' ', identity.Scopes)}";
        if (cache.TryGetValue(key, out string? token) && token is not null)
        {
            return token;
        }

        token = issuer.Issue(identity, audience);
        // A quarter of the lifetime: a service always receives a token with most of its life left.
        cache.Set(key, token, time.GetUtcNow() + options.Value.Lifetime / 4);
        return token;
    }
}
