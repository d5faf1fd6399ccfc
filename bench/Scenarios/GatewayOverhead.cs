using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Bench.Scenarios;

/// <summary>
/// What the gateway costs on top of the library it is built on: the same cheap public GET (Notifications' topic list)
/// through YARP with nothing else (bench/BareProxy, the yardstick) and through the gateway, anonymously and as a
/// partner (API key checked, per-key rate limit counted, internal token attached), in alternating rounds with the
/// order rotating, each for the same total time and concurrency. Goal per gateway path: at least 0.85 of bare YARP's
/// requests/s and a p99 at most 1.25 times bare YARP's.
/// </summary>
public sealed class GatewayOverhead : IScenario
{
    private const string Path = "/api/notifications/topics";
    private const double ThroughputGoal = 0.85;
    private const double P99Goal = 1.25;

    // High enough never to reject during the run: the point is to pay for counting, not to be limited.
    private const int BenchPermitsPerMinute = 600_000;

    // Each target gets Duration in total, in this many alternating slices (LoadRun.InterleavedAsync).
    private const int Rounds = 6;

    public async Task<object> RunAsync(BenchOptions options)
    {
        var direct = PlatformResources.ServiceUrl(options, "notifications");
        await using var bareYarp = await BareYarpProxy.StartAsync(direct);
        await using var partner = await BenchPartnerKey.CreateAsync(options, "notifications:read", BenchPermitsPerMinute);

        // A service answers only with a gateway-minted token: bare YARP's callers carry the public's, made once, as the
        // gateway's anonymous path attaches one from its cache.
        var behindGateway = new Dictionary<string, string> { ["Authorization"] = $"Bearer {BenchInternalToken.AnonymousFor(options, "notifications")}" };

        var loadBefore = MachineLoad.Now();
        var results = await LoadRun.InterleavedAsync(
        [
            new LoadTarget("bare-yarp", new Uri(bareYarp.Address, Path), behindGateway),
            new LoadTarget("gateway-anonymous", new Uri(options.Gateway, Path)),
            new LoadTarget("gateway-partner-key", new Uri(options.Gateway, Path), new Dictionary<string, string> { ["X-Api-Key"] = partner.Key }),
        ], options.Concurrency, options.Warmup, options.Duration, Rounds);
        var (bare, anonymous, withKey) = (results[0], results[1], results[2]);

        return new
        {
            Scenario = "gateway-overhead",
            Path,
            DurationSecondsEach = options.Duration.TotalSeconds,
            Rounds,
            options.Concurrency,
            Gateway = new { Partner = "API key, scope notifications:read", RateLimit = $"{BenchPermitsPerMinute}/min per key" },
            BareYarp = bare,
            GatewayAnonymous = anonymous,
            GatewayPartnerKey = withKey,
            AnonymousVersusBareYarp = Compare(anonymous, bare),
            PartnerKeyVersusBareYarp = Compare(withKey, bare),
            LoadBefore = loadBefore,
            LoadAfter = MachineLoad.Now(),
        };
    }

    private static object Compare(LoadResult gateway, LoadResult bare)
    {
        var throughput = Math.Round(gateway.RequestsPerSecond / bare.RequestsPerSecond, 3);
        var p99 = Math.Round(gateway.P99Ms / bare.P99Ms, 3);
        return new
        {
            Throughput = throughput,
            P99 = p99,
            Goal = $"throughput >= {ThroughputGoal}, p99 <= {P99Goal}",
            Met = throughput >= ThroughputGoal && p99 <= P99Goal,
        };
    }
}
