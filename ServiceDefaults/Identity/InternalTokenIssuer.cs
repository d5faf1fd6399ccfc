using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// Mints the internal token, signed ES256 with the gateway's private key (<see cref="InternalTokenOptions.SigningKey"/>).
/// Used by the gateway after it has authenticated a caller, by the AppHost's dashboard commands, and by tests acting as
/// the gateway with a key pair of their own. Time comes from <see cref="TimeProvider"/> so tests can mint tokens that
/// are already expired.
/// </summary>
public sealed class InternalTokenIssuer(IOptions<InternalTokenOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly Lazy<SigningCredentials> _credentials = new(() => Credentials(options.Value));

    /// <param name="audience">The one service the token is for (the gateway passes the route's cluster, which is the
    /// service's name): no service accepts a token minted for another.</param>
    public string Issue(InternalIdentity identity, string audience)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentException.ThrowIfNullOrWhiteSpace(identity.Subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        if (!PlatformClaims.Roles.All.Contains(identity.Role) && identity.Role != PlatformClaims.Roles.Anonymous)
        {
            throw new ArgumentException(
                $"Role '{identity.Role}' is not one of {string.Join(", ", PlatformClaims.Roles.All)} or {PlatformClaims.Roles.Anonymous}.", nameof(identity));
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
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + settings.Lifetime,
            Claims = claims,
            SigningCredentials = _credentials.Value,
        });
    }

    private static SigningCredentials Credentials(InternalTokenOptions settings)
    {
        var key = string.IsNullOrWhiteSpace(settings.SigningKey) ? null : InternalTokenKeys.TryImportPrivate(settings.SigningKey);
        return key is null
            ? throw new InvalidOperationException(
                $"{InternalTokenOptions.SectionName}:SigningKey is not set to a P-256 private key: only the gateway can mint internal tokens.")
            : new SigningCredentials(new ECDsaSecurityKey(key), InternalTokenKeys.Algorithm);
    }
}
