namespace Platform.Gateway.Edge;

/// <summary>
/// Headers every response gets at the edge. The services' responses are JSON, so the strict CSP (nothing may load)
/// costs nothing; the Swagger UI the gateway serves needs its own scripts and styles, and the web site's pages keep
/// the policy the site gives them.
/// </summary>
internal static class SecurityHeaders
{
    private const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'";
    private const string DocsPolicy =
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    public static Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        // A static callback with the context as its state: no closure allocated per request.
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            // The web site sets its own policy for its pages (web/Site/SecurityHeaders.cs); everything else is the API's.
            if (!(Site.SiteRoute.IsSite(context) && headers.ContentSecurityPolicy.Count > 0))
            {
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(OpenApi.OpenApiAggregation.DocsPath)
                    ? DocsPolicy
                    : ApiPolicy;
            }
            // Only meaningful behind TLS: a browser ignores it over plain HTTP, and it must not pin a dev host to https.
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            headers.Remove("X-Powered-By");
            headers.Remove("Server");
            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
