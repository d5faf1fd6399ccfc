using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Bench.Scenarios;

/// <summary>
/// What the gateway costs: the same cheap public GET (Notifications' topic list) straight to the service and through
/// the gateway, one after the other, each for the same fixed time and concurrency.
/// </summary>
public sealed class GatewayOverhead : IScenario
{
    private const string Path = "/api/notifications/topics";

    public async Task<object> RunAsync(BenchOptions options)
    {
        var direct = await FindServiceAsync(options.Dashboard, "notifications");
        var viaService = await LoadRun.RunAsync("direct", new Uri(direct, Path), options.Concurrency, options.Warmup, options.Duration);
        var viaGateway = await LoadRun.RunAsync("gateway", new Uri(options.Gateway, Path), options.Concurrency, options.Warmup, options.Duration);
        return new
        {
            Scenario = "gateway-overhead",
            Path,
            DurationSeconds = options.Duration.TotalSeconds,
            options.Concurrency,
            Direct = viaService,
            Gateway = viaGateway,
            Ratio = new
            {
                Throughput = Math.Round(viaGateway.RequestsPerSecond / viaService.RequestsPerSecond, 3),
                P50 = Math.Round(viaGateway.P50Ms / viaService.P50Ms, 3),
                P99 = Math.Round(viaGateway.P99Ms / viaService.P99Ms, 3),
            },
            Machine = new { Environment.ProcessorCount, Os = Environment.OSVersion.ToString() },
        };
    }

    /// <summary>The service's own URL, from the AppHost dashboard's resource list.</summary>
    private static async Task<Uri> FindServiceAsync(Uri dashboard, string name)
    {
        using var http = new HttpClient { BaseAddress = dashboard };
        var resource = await http.GetFromJsonAsync<JsonElement>($"/api/resources/{name}");
        return new Uri(resource.GetProperty("urls")[0].GetString()!);
    }
}
