using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Health;

namespace Platform.ServiceDefaults.Identity;

/// <summary>
/// Nothing reaches a service around the gateway: every request must carry a valid internal token (the anonymous
/// caller's for the public), whatever the endpoint's own policy, or it ends here with 401 ProblemDetails. So the body
/// limit, the rate limits and partner scopes, which live at the gateway, cannot be skipped by calling a service's own
/// port. Only /health and /alive stay open: the AppHost polls them to know when a service is ready.
/// </summary>
internal static class GatewayTokenGate
{
    /// <summary>
    /// Only in a process whose callers are authenticated by the internal token (a service). The gateway authenticates
    /// callers by their own credentials (its default scheme is the edge's) and is not gated.
    /// </summary>
    public static WebApplication UseGatewayTokenGate(this WebApplication app)
    {
        var schemes = app.Services.GetService<IAuthenticationSchemeProvider>();
        var scheme = schemes?.GetDefaultAuthenticateSchemeAsync().GetAwaiter().GetResult();
        if (scheme?.Name == JwtBearerDefaults.AuthenticationScheme)
        {
            app.Use(InvokeAsync);
        }

        return app;
    }

    private static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        var authenticated = context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Succeeded == true;
        if (authenticated || path.Equals(HealthExtensions.HealthPath) || path.Equals(HealthExtensions.AlivePath))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Unauthorized",
                Detail = "This service answers only requests the gateway forwards; call it through the gateway.",
            },
        });
    }
}
