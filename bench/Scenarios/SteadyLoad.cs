namespace Platform.Bench.Scenarios;

/// <summary>
/// One target's steady load for as long as asked, nothing compared: what a profiler (perf) watches while it records.
/// The target is BENCH_LOAD_URL (any loopback URL) with the optional header BENCH_LOAD_HEADER ("Name: value"), and
/// BENCH_LOAD_ANONYMOUS_FOR=service for the public's internal token to that service.
/// </summary>
public sealed class SteadyLoad : IScenario
{
    public async Task<object> RunAsync(BenchOptions options)
    {
        var url = new Uri(Environment.GetEnvironmentVariable("BENCH_LOAD_URL") ?? throw new InvalidOperationException("Set BENCH_LOAD_URL."));
        if (!url.IsLoopback) throw new ArgumentException("Benchmarks only target the platform on this machine (loopback addresses).");
        var headers = new Dictionary<string, string>();
        if (Environment.GetEnvironmentVariable("BENCH_LOAD_HEADER") is { } header && header.Split(':', 2) is [var name, var value])
            headers[name.Trim()] = value.Trim();
        // Around the gateway (bench/BareProxy, a service's own port) a request needs the public's internal token.
        if (Environment.GetEnvironmentVariable("BENCH_LOAD_ANONYMOUS_FOR") is { } service)
            headers["Authorization"] = $"Bearer {BenchInternalToken.AnonymousFor(options, service)}";
        var result = await LoadRun.RunAsync("steady", url, options.Concurrency, options.Warmup, options.Duration, headers);
        return new { Scenario = "load", Result = result, LoadAfter = MachineLoad.Now() };
    }
}
