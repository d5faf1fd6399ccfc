using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Platform.Gateway.Data;
using Platform.ServiceDefaults.Secrets;

namespace Platform.Gateway.Accounts;

/// <summary>Opens and ends sessions. A session ends at logout, at expiry, and (all of a user's) on a password change.</summary>
public sealed class SessionTokens(GatewayDbContext db, TimeProvider time, IOptions<AccountOptions> options)
{
    public const string Marker = "st_";

    public async Task<(string Token, DateTimeOffset ExpiresAt)> OpenAsync(Guid userId, CancellationToken cancellationToken)
    {
        var token = BearerSecret.Create(Marker);
        var now = time.GetUtcNow();
        var session = new Session
        {
            UserId = userId,
            TokenHash = BearerSecret.Hash(token),
            CreatedAt = now,
            ExpiresAt = now + options.Value.SessionLifetime,
        };
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return (token, session.ExpiresAt);
    }

    public async Task EndAsync(string token, CancellationToken cancellationToken)
    {
        var hash = BearerSecret.Hash(token);
        var session = await db.Sessions.SingleOrDefaultAsync(s => s.TokenHash == hash, cancellationToken);
        if (session is { RevokedAt: null })
        {
            session.RevokedAt = time.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task EndAllAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var open = await db.Sessions.Where(s => s.UserId == userId && s.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var session in open)
        {
            session.RevokedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
