using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Bench.Scenarios;

/// <summary>
/// What the gateway costs: the same cheap public GET (Notifications' topic list) straight to the service, through
/// nginx as a plain reverse proxy, and through the gateway as a partner (API key checked, per-key rate limit counted,
/// internal token minted), one after the other, each for the same fixed time and concurrency.
/// </summary>
public sealed class GatewayOverhead : IScenario
{
    private const string Path = "/api/notifications/topics";

    // High enough never to reject during the run: the point is to pay for counting, not to be limited.
    private const int BenchPermitsPerMinute = 600_000;

    public async Task<object> RunAsync(BenchOptions options)
    {
        var direct = await FindServiceAsync(options.Dashboard, "notifications");
        var viaService = await LoadRun.RunAsync("direct", new Uri(direct, Path), options.Concurrency, options.Warmup, options.Duration);

        LoadResult viaNginx;
        await using (var nginx = await NginxProxy.StartAsync(direct))
        {
            viaNginx = await LoadRun.RunAsync("nginx", new Uri(nginx.Address, Path), options.Concurrency, options.Warmup, options.Duration);
        }

        // The same route as the public (no key): what the identity layer costs on top of routing.
        var viaGatewayAnonymous = await LoadRun.RunAsync("gateway-anonymous", new Uri(options.Gateway, Path), options.Concurrency, options.Warmup, options.Duration);

        LoadResult viaGateway;
        await using (var partner = await BenchPartnerKey.CreateAsync(options.Gateway, "notifications:read", BenchPermitsPerMinute))
        {
            viaGateway = await LoadRun.RunAsync("gateway", new Uri(options.Gateway, Path), options.Concurrency, options.Warmup, options.Duration,
                new Dictionary<string, string> { ["X-Api-Key"] = partner.Key });
        }

        return new
        {
            Scenario = "gateway-overhead",
            Path,
            DurationSeconds = options.Duration.TotalSeconds,
            options.Concurrency,
            Gateway = new { Authentication = "partner API key", RateLimit = $"{BenchPermitsPerMinute}/min per key" },
            Direct = viaService,
            Nginx = viaNginx,
            ViaGateway = viaGateway,
            ViaGatewayAnonymous = viaGatewayAnonymous,
            GatewayVersusNginx = new
            {
                Throughput = Math.Round(viaGateway.RequestsPerSecond / viaNginx.RequestsPerSecond, 3),
                P99 = Math.Round(viaGateway.P99Ms / viaNginx.P99Ms, 3),
                Goal = "throughput >= 0.9, p99 <= 1.2",
            },
            GatewayVersusDirect = new
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
