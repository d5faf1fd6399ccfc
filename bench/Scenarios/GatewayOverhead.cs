using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Bench.Scenarios;

/// <summary>
/// What the gateway costs: the same cheap public GET (Notifications' topic list) straight to the service, through
/// nginx as a plain reverse proxy, through YARP with nothing else (bench/BareProxy: what the library itself costs
/// here), and through the gateway as a partner (API key checked, per-key rate limit counted, internal token minted),
/// in alternating rounds, each for the same total time and concurrency.
/// </summary>
public sealed class GatewayOverhead : IScenario
{
    private const string Path = "/api/notifications/topics";

    // High enough never to reject during the run: the point is to pay for counting, not to be limited.
    private const int BenchPermitsPerMinute = 600_000;

    // Each target gets Duration in total, in this many alternating slices (LoadRun.InterleavedAsync).
    private const int Rounds = 5;

    public async Task<object> RunAsync(BenchOptions options)
    {
        var direct = await FindServiceAsync(options.Dashboard, "notifications");
        await using var nginx = await NginxProxy.StartAsync(direct);
        await using var bareYarp = await BareYarpProxy.StartAsync(direct);
        await using var partner = await BenchPartnerKey.CreateAsync(options.Gateway, "notifications:read", BenchPermitsPerMinute);

        // A service answers only with a gateway-minted token: the paths around the gateway carry the public's, made once.
        var behindGateway = new Dictionary<string, string> { ["Authorization"] = $"Bearer {BenchInternalToken.AnonymousFor("notifications")}" };

        // The same route as the public (no key) too: what the identity layer costs on top of routing.
        var results = await LoadRun.InterleavedAsync(
        [
            new LoadTarget("direct", new Uri(direct, Path), behindGateway),
            new LoadTarget("nginx", new Uri(nginx.Address, Path), behindGateway),
            new LoadTarget("bare-yarp", new Uri(bareYarp.Address, Path), behindGateway),
            new LoadTarget("gateway-anonymous", new Uri(options.Gateway, Path)),
            new LoadTarget("gateway", new Uri(options.Gateway, Path), new Dictionary<string, string> { ["X-Api-Key"] = partner.Key }),
        ], options.Concurrency, options.Warmup, options.Duration, Rounds);
        var (viaService, viaNginx, viaBareYarp, viaGatewayAnonymous, viaGateway) = (results[0], results[1], results[2], results[3], results[4]);

        return new
        {
            Scenario = "gateway-overhead",
            Path,
            DurationSeconds = options.Duration.TotalSeconds,
            Rounds,
            options.Concurrency,
            Gateway = new { Authentication = "partner API key", RateLimit = $"{BenchPermitsPerMinute}/min per key" },
            Direct = viaService,
            Nginx = viaNginx,
            BareYarp = viaBareYarp,
            ViaGateway = viaGateway,
            ViaGatewayAnonymous = viaGatewayAnonymous,
            GatewayVersusNginx = new
            {
                Throughput = Math.Round(viaGateway.RequestsPerSecond / viaNginx.RequestsPerSecond, 3),
                P99 = Math.Round(viaGateway.P99Ms / viaNginx.P99Ms, 3),
                Goal = "throughput >= 0.9, p99 <= 1.2",
            },
            // The ceiling for any YARP-based gateway on this machine, and how close ours comes to it.
            BareYarpVersusNginx = new
            {
                Throughput = Math.Round(viaBareYarp.RequestsPerSecond / viaNginx.RequestsPerSecond, 3),
                P99 = Math.Round(viaBareYarp.P99Ms / viaNginx.P99Ms, 3),
            },
            GatewayVersusBareYarp = new
            {
                Throughput = Math.Round(viaGateway.RequestsPerSecond / viaBareYarp.RequestsPerSecond, 3),
                P99 = Math.Round(viaGateway.P99Ms / viaBareYarp.P99Ms, 3),
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
