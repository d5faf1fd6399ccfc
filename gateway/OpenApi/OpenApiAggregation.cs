using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.Gateway.EdgeIdentity;
using Platform.Gateway.Routing;
using Platform.ServiceDefaults.Identity;
using Platform.ServiceDefaults.Problems;

namespace Platform.Gateway.OpenApi;

/// <summary>
/// One place to read the whole API: each service's own OpenAPI document, fetched through service discovery and
/// served by the gateway with the gateway's credentials declared, beside the gateway's own document, all listed in
/// one Swagger UI at /docs.
/// </summary>
internal static class OpenApiAggregation
{
    public const string DocsPath = "/docs";
    public const string GatewayDocument = "gateway";
    private const string HttpClientName = "openapi";

    public static IServiceCollection AddOpenApiAggregation(this IServiceCollection services)
    {
        services.AddOpenApi(GatewayDocument);
        services.AddHttpClient(HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        return services;
    }

    public static WebApplication MapOpenApiAggregation(this WebApplication app)
    {
        app.MapGet($"/openapi/{GatewayDocument}.json", GatewayDocumentAsync).ExcludeFromDescription();
        app.MapGet("/openapi/services/{service}.json", ServiceDocumentAsync).ExcludeFromDescription();
        // Only its own path goes through the Swagger UI's middleware (static files, redirects), not every proxied request.
        app.UseWhen(context => context.Request.Path.StartsWithSegments(DocsPath), docs => docs.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = DocsPath.TrimStart('/');
            ui.DocumentTitle = "Safer Communities Partnership Platform API";
            ui.SwaggerEndpoint($"/openapi/{GatewayDocument}.json", "gateway (accounts, API keys)");
            foreach (var service in ServiceRoutes.Services)
            {
                ui.SwaggerEndpoint($"/openapi/services/{service}.json", service);
            }
        }));
        return app;
    }

    private static async Task<ContentHttpResult> GatewayDocumentAsync(
        [FromKeyedServices(GatewayDocument)] IOpenApiDocumentProvider provider, HttpRequest request, CancellationToken cancellationToken)
    {
        var described = await provider.GetOpenApiDocumentAsync(cancellationToken);
        var document = JsonNode.Parse(await described.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken))!.AsObject();
        return Published(PublishedDocument.Prepare(document, service: null, GatewayUrl(request)));
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ServiceDocumentAsync(
        string service, IHttpClientFactory clients, InternalTokenCache tokens, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!ServiceRoutes.Services.Contains(service))
        {
            return RuleProblem.Create(StatusCodes.Status404NotFound, "not-found", $"There is no service named '{service}'.");
        }

        try
        {
            var client = clients.CreateClient(HttpClientName);
            // A service answers nothing without a gateway-minted token, its document included: the gateway asks as the
            // anonymous caller, since the document it publishes is public.
            using var fetch = new HttpRequestMessage(HttpMethod.Get, $"http://{service}/openapi/v1.json");
            fetch.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.TokenFor(InternalIdentity.Anonymous, service));
            using var response = await client.SendAsync(fetch, cancellationToken);
            response.EnsureSuccessStatusCode();
            var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
            return Published(PublishedDocument.Prepare(document, service, GatewayUrl(request)));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return TypedResults.Problem($"The {service} service's OpenAPI document is not available at the moment.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable");
        }
    }

    private static ContentHttpResult Published(JsonObject document) =>
        TypedResults.Content(document.ToJsonString(), "application/json");

    // The address the caller reached the gateway at, so "Try it out" in /docs calls the same origin (its CSP allows
    // only that). A forged Host header changes only the forger's own copy of a public document.
    private static string GatewayUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
