using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// Remembers internal tokens this service has already validated, until each one's own expiry. The gateway reuses a
/// token for the same caller for a quarter of its lifetime, so a busy partner or user sends the same string many
/// times; checking its signature, claims and lifetime again each time was a large part of a small request's cost.
/// Keyed by the whole token, so only a byte-identical token skips validation, and never past the moment it expires.
/// Bounded: a flood of distinct tokens evicts, it cannot grow the cache.
/// </summary>
public sealed class ValidatedTokenCache : IDisposable
{
    private const int MaxEntries = 10_000;
    private const string BearerPrefix = "Bearer ";

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = MaxEntries });
    private readonly TimeProvider _time;

    public ValidatedTokenCache(TimeProvider time) => _time = time;

    /// <summary>JwtBearer's first step: a token seen before and not yet expired authenticates without validation.</summary>
    public Task OnMessageReceivedAsync(MessageReceivedContext context)
    {
        if (TokenOf(context.Request.Headers.Authorization.ToString()) is { } token
            && _cache.TryGetValue(token, out Entry? entry) && entry is not null
            && _time.GetUtcNow() < entry.ExpiresAt)
        {
            context.Principal = entry.Principal.Clone();
            context.Success();
        }

        return Task.CompletedTask;
    }

    /// <summary>JwtBearer's last step for a token it has just validated: remember it until it expires.</summary>
    public Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        if (context.SecurityToken is JsonWebToken jwt && context.Principal is { } principal
            && TokenOf(context.Request.Headers.Authorization.ToString()) is { } token)
        {
            var expiresAt = new DateTimeOffset(DateTime.SpecifyKind(jwt.ValidTo, DateTimeKind.Utc));
            if (expiresAt > _time.GetUtcNow())
            {
                _cache.Set(token, new Entry(principal.Clone(), expiresAt),
                    new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = expiresAt });
            }
        }

        return Task.CompletedTask;
    }

    public void Dispose() => _cache.Dispose();

    private static string? TokenOf(string authorization) =>
        authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && authorization.Length > BearerPrefix.Length
            ? authorization[BearerPrefix.Length..].Trim()
            : null;

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset ExpiresAt);
}
