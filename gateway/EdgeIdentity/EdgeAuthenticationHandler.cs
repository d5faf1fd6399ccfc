using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.EdgeIdentity;

/// <summary>
/// The gateway's authentication scheme: asks <see cref="IEdgeIdentity"/> and turns the answer into a principal with
/// the same claims as the internal token, so the gateway's own endpoints use the platform's policies unchanged.
/// </summary>
internal sealed class EdgeAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IEdgeIdentity edgeIdentity)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Edge";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var outcome = await edgeIdentity.AuthenticateAsync(Context);
        if (outcome.Failure is not null)
        {
            return AuthenticateResult.Fail(outcome.Failure);
        }

        if (outcome.Identity is not { } identity)
        {
            return AuthenticateResult.NoResult();
        }

        Context.Features.Set(new EdgeCaller(identity, outcome.PermitsPerMinute));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(Claims(identity), SchemeName, PlatformClaims.Subject, PlatformClaims.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = EdgeCredentials.Challenge;
        return Task.CompletedTask;
    }

    private static IEnumerable<Claim> Claims(InternalIdentity identity)
    {
        yield return new Claim(PlatformClaims.Subject, identity.Subject);
        yield return new Claim(PlatformClaims.Role, identity.Role);
        if (identity.OrganisationId is { } organisationId)
        {
            yield return new Claim(PlatformClaims.OrganisationId, organisationId.ToString());
        }

        if (identity.Scopes.Count > 0)
        {
            yield return new Claim(PlatformClaims.Scope, string.Join(' ', identity.Scopes));
        }
    }
}
