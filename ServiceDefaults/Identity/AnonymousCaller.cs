using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// The gateway's token for a caller with no account or key (<see cref="InternalIdentity.Anonymous"/>). It proves the
/// request came through the gateway, and nothing about who sent it: the service holds it as an unauthenticated
/// principal, so every policy that needs a signed-in caller (RequireAuthenticatedUser, a role, a scope) refuses it,
/// and refuses it with 401, as it refused a request without a token before every request carried one.
/// </summary>
internal static class AnonymousCaller
{
    /// <summary>JwtBearer's last step: an anonymous caller's claims stay readable, but the identity is not authenticated.</summary>
    public static void TreatAsNoAccount(TokenValidatedContext context)
    {
        if (context.Principal?.GetRole() != PlatformClaims.Roles.Anonymous) return;
        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(
            context.Principal.Claims, authenticationType: null, PlatformClaims.Subject, PlatformClaims.Role));
    }

    /// <summary>
    /// A policy that an anonymous caller fails is a challenge (401: sign in or send a key), not a refusal (403):
    /// the authentication that succeeded was the gateway's, not the caller's.
    /// </summary>
    public sealed class ChallengeInsteadOfForbid : IAuthorizationMiddlewareResultHandler
    {
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult) =>
            authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated != true
                ? _default.HandleAsync(next, context, policy, PolicyAuthorizationResult.Challenge())
                : _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
