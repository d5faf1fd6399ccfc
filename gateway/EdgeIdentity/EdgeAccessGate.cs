using Microsoft.AspNetCore.Authentication;
using Platform.Gateway.ApiKeys;
using Platform.Gateway.Problems;
using Platform.ServiceDefaults.Identity;

namespace Platform.Gateway.EdgeIdentity;

/// <summary>
/// The first step of the proxy pipeline. Credentials that were sent but are not valid end the request with 401
/// (never silently anonymous); a partner key without the scope for this service and method ends it with 403.
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

        if (context.GetEdgeCaller() is { Identity.Role: PlatformClaims.Roles.Partner } partner && !Site.SiteRoute.IsSite(context))
        {
            var service = context.GetReverseProxyFeature().Route.Config.ClusterId!;
            var required = ApiKeyScopes.Required(service, context.Request.Method);
            if (!partner.Identity.Scopes.Contains(required))
            {
                await EdgeProblems.WriteAsync(context, StatusCodes.Status403Forbidden, "Forbidden",
                    $"The API key does not have the scope '{required}'.");
                return;
            }
        }

        await next(context);
    }
}
