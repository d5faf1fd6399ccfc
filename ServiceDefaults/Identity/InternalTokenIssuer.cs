using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// Mints the internal token. Used by the gateway after it has authenticated a caller, and by tests to act as
/// the gateway. Time comes from <see cref="TimeProvider"/> so tests can mint tokens that are already expired.
/// </summary>
public sealed class InternalTokenIssuer(IOptions<InternalTokenOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <param name="audience">The one service the token is for (the gateway passes the route's cluster, which is
    /// the service's name); null for the shared audience every service accepts.</param>
    public string Issue(InternalIdentity identity, string? audience = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentException.ThrowIfNullOrWhiteSpace(identity.Subject);
        if (!PlatformClaims.Roles.All.Contains(identity.Role))
        {
            throw new ArgumentException(
                $"Role '{identity.Role}' is not one of {string.Join(", ", PlatformClaims.Roles.All)}.", nameof(identity));
        }

        if (identity.Role == PlatformClaims.Roles.Organisation && identity.OrganisationId is null)
        {
            throw new ArgumentException("An organisation identity needs an organisation id.", nameof(identity));
        }

        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;

        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [PlatformClaims.Subject] = identity.Subject,
            [PlatformClaims.Role] = identity.Role,
            [JwtRegisteredClaimNames.Jti] = Guid.CreateVersion7().ToString(),
        };
        if (identity.OrganisationId is { } organisationId)
        {
            claims[PlatformClaims.OrganisationId] = organisationId.ToString();
        }

        if (identity.Scopes.Count > 0)
        {
            claims[PlatformClaims.Scope] = string.Join(' ', identity.Scopes);
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = string.IsNullOrWhiteSpace(audience) ? settings.Audience : audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.Lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(settings.SigningKeyBytes()), SecurityAlgorithms.HmacSha256),
        });
    }
}
