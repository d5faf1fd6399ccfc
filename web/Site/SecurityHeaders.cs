namespace Platform.Web.Site;

/// <summary>
/// Headers on every page. Scripts and styles come from the site alone (no inline script or style, so no
/// 'unsafe-inline'); forms post only to the site. No page sends a referrer: manage, confirm and volunteer pages carry
/// a token in their URL, and a link followed from one must not hand it to another site.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public static WebApplication UseSiteSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers["Referrer-Policy"] = "no-referrer";
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            return next();
        });
        return app;
    }
}
