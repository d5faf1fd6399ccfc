namespace Platform.Web.Site;

internal static class SiteErrors
{
    /// <summary>
    /// The visitor's address from the gateway first (errors and rate limits need it), compression, then any failure becomes the
    /// friendly /error page with a reference id, and a bare 404 or 400 becomes a page too (re-executed, so the URL the
    /// visitor typed stays in the address bar).
    /// </summary>
    public static WebApplication UseSiteErrors(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseResponseCompression();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }
}
