using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;

namespace Platform.Web.Site;

internal static class SiteExtensions
{
    public static IServiceCollection AddSite(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddRazorPages(pages => pages.Conventions.ConfigureFilter(new Microsoft.AspNetCore.Mvc.AutoValidateAntiforgeryTokenAttribute()));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "site-antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.FormFieldName = "__antiforgery";
        });

        // Pages, the stylesheet and the script compressed on the way out (a page's budget is 100 KB on the wire).
        // Published builds serve static files precompressed (MapStaticAssets); this covers pages and Development.
        // The antiforgery token differs in every response, so compressing pages with it gives BREACH nothing to learn.
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml", "text/calendar"];
        });

        // The gateway is the only way in (its loopback address is a known proxy by default): the visitor's address and
        // the scheme and host they used come from its X-Forwarded-* headers.
        services.Configure<ForwardedHeadersOptions>(forwarded =>
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
        return services;
    }
}
