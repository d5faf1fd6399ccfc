namespace Platform.Gateway.Routing;

/// <summary>
/// The services behind the edge. Each serves its API under /api/{name}/..., so the gateway forwards the path
/// unchanged and the service's own OpenAPI paths match what callers see.
/// </summary>
internal static class ServiceRoutes
{
    public static readonly IReadOnlyList<string> Services = ["events", "volunteers", "awards", "notifications"];

    public static string PathPattern(string service) => $"/api/{service}/{{**rest}}";

    /// <summary>Whether the gateway forwards <paramref name="path"/> to <paramref name="service"/> (<see cref="PathPattern"/>).</summary>
    public static bool Routes(string service, string path) =>
        path.StartsWith($"/api/{service}/", StringComparison.OrdinalIgnoreCase)
        || path.Equals($"/api/{service}", StringComparison.OrdinalIgnoreCase);
}
