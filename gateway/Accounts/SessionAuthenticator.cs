using Microsoft.EntityFrameworkCore;
using Platform.Gateway.Data;
using Platform.Gateway.EdgeIdentity;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Secrets;

namespace Platform.Gateway.Accounts;

/// <summary>Resolves a session token (bearer or cookie) to the signed-in user.</summary>
public sealed class SessionAuthenticator(IServiceScopeFactory scopes, TimeProvider time)
{
    public async ValueTask<EdgeAuthentication> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(SessionTokens.Marker, StringComparison.Ordinal))
        {
            return EdgeAuthentication.Failed("The bearer token is malformed.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var hash = BearerSecret.Hash(token);
        var found = await db.Sessions.AsNoTracking()
            .Where(s => s.TokenHash == hash)
            .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { Session = s, User = u })
            .SingleOrDefaultAsync(cancellationToken);

        // A disabled account's sessions were ended when it was disabled; checking the account as well costs nothing here.
        if (found is null || !found.Session.IsActive(time.GetUtcNow()) || found.User.DisabledAt is not null)
        {
            return EdgeAuthentication.Failed("The bearer token is not valid or has expired.");
        }

        // Failed sign-ins never end a live session: they are throttled, not locked out (LoginThrottle).
        var user = found.User;
        // A staff account's permissions travel as scopes, which the services check like any other.
        return EdgeAuthentication.Succeeded(new InternalIdentity(user.Id.ToString(), user.Role, user.OrganisationId, StaffPermissions.ScopesOf(user)));
    }
}
