using Platform.Gateway.Problems;

namespace Platform.Gateway.Site;

internal static class SiteExtensions
{
    public static IServiceCollection AddSiteRoute(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Paths under /api and /gateway that nothing serves answer 404 ProblemDetails, as before the site existed,
    /// rather than falling through to the site's HTML "page not found".
    /// </summary>
    public static WebApplication MapApiNotFound(this WebApplication app)
    {
        foreach (var prefix in new[] { "/api", "/gateway" })
        {
            app.Map($"{prefix}/{{**rest}}", (HttpContext context) =>
                EdgeProblems.WriteAsync(context, StatusCodes.Status404NotFound, "Not Found", $"Nothing is served at {context.Request.Path}."))
                .ExcludeFromDescription();
        }

        return app;
    }
}
