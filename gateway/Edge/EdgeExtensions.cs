using Microsoft.Extensions.Options;

namespace Platform.Gateway.Edge;

internal static class EdgeExtensions
{
    public const string CorsPolicy = "edge";

    public static IServiceCollection AddEdgeProtection(this IServiceCollection services)
    {
        services.AddOptions<EdgeOptions>()
            .BindConfiguration(EdgeOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.AllowedOrigins.All(IsOrigin), "Edge:AllowedOrigins must be absolute http(s) origins without a path, e.g. https://www.example.org")
            .ValidateOnStart();

        // No credentials: browsers on other sites call the public API; signed-in staff use the gateway's own origin.
        services.AddCors();
        services.AddOptions<Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions>()
            .Configure<IOptions<EdgeOptions>>((cors, edge) => cors.AddPolicy(CorsPolicy, policy => policy
                .WithOrigins(edge.Value.AllowedOrigins)
                .WithMethods("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
                .WithHeaders("Content-Type", "Authorization", EdgeIdentity.EdgeCredentials.ApiKeyHeader, CorrelationId.Header)
                .WithExposedHeaders(CorrelationId.Header, "Retry-After", "Location")
                .SetPreflightMaxAge(TimeSpan.FromHours(1))));

        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        services.AddOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>()
            .Configure<IOptions<EdgeOptions>>((kestrel, edge) => kestrel.Limits.MaxRequestBodySize = edge.Value.MaxRequestBodyBytes);
        return services;
    }

    /// <summary>Correlation id, security headers, CORS and the body limit: before anything else looks at the request.</summary>
    public static WebApplication UseEdgeProtection(this WebApplication app)
    {
        app.Use(CorrelationId.InvokeAsync);
        app.Use(SecurityHeaders.InvokeAsync);
        app.UseCors(CorsPolicy);
        app.Use(RequestBodyLimit.InvokeAsync);
        return app;
    }

    /// <summary>
    /// JSON bodies with control characters are refused before they are proxied. After the default endpoints'
    /// exception handler and authorization, as the services' own checks run, so a body cut by the size limit while it
    /// is read is still a 413 ProblemDetails and an anonymous caller of a protected route still learns it needs a token.
    /// </summary>
    public static WebApplication UseEdgeTextRules(this WebApplication app)
    {
        app.Use(JsonBodyText.InvokeAsync);
        return app;
    }

    private static bool IsOrigin(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && !value.EndsWith('/');
}
