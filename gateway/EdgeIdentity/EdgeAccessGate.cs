using Microsoft.AspNetCore.Authentication;
using Platform.Gateway.ApiKeys;
using Platform.Gateway.Problems;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.EdgeIdentity;

/// <summary>
/// The first step of the proxy pipeline. Credentials that were sent but are not valid end the request with 401
/// (never silently anonymous); a key without the scope for this request (<see cref="ApiKeyScopes"/> for a partner's,
/// <see cref="OrganisationKeyScopes"/> for an organisation's) ends it with 403.
/// </summary>
internal static class EdgeAccessGate
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        // The authentication middleware has already run the edge scheme: a caller it recognised is on the context, and
        // only otherwise is the (cached) result asked for, to tell credentials that failed from none at all.
        if (context.GetEdgeCaller() is null && (await context.AuthenticateAsync()).Failure is { } failure)
        {
            context.Response.Headers.WWWAuthenticate = EdgeCredentials.Challenge;
            await EdgeProblems.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized", failure.Message);
            return;
        }

        if (context.GetEdgeCaller() is { } caller && !Site.SiteRoute.IsSite(context) && Refusal(context, caller.Identity) is { } refusal)
        {
            await EdgeProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden", refusal);
            return;
        }

        await next(context);
    }

    /// <returns>Why a key may not make this request, or null when it may (people are judged by the services).</returns>
    private static string? Refusal(HttpContext context, InternalIdentity identity)
    {
        if (!KeyCallers.IsKey(identity.Subject))
        {
            return null;
        }

        if (identity.Role == PlatformClaims.Roles.Partner)
        {
            var service = context.GetReverseProxyFeature().Route.Config.ClusterId!;
            var required = ApiKeyScopes.Required(service, context.Request.Method);
            return identity.Scopes.Contains(required) ? null : $"The API key does not have the scope '{required}'.";
        }

        var admitting = OrganisationKeyScopes.Admitting(context.Request.Path.Value ?? "", context.Request.Method);
        return admitting.Count == 0
            ? "An organisation's API key may not make this request."
            : admitting.Any(identity.Scopes.Contains) ? null
            : $"The API key does not have the scope '{string.Join("' or '", admitting)}'.";
    }
}
