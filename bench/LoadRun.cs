using System.Diagnostics;

namespace Platform.Bench;

public sealed record LoadTarget(string Name, Uri Url, IReadOnlyDictionary<string, string>? Headers = null);

public sealed record LoadResult(string Target, long Requests, long Errors, double RequestsPerSecond, double P50Ms, double P90Ms, double P99Ms, double MaxMs);

/// <summary>N workers sending the same GET back to back for a fixed time; latencies of successful responses only.</summary>
public static class LoadRun
{
    public static async Task<LoadResult> RunAsync(string target, Uri url, int concurrency, TimeSpan warmup, TimeSpan duration,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            http.DefaultRequestHeaders.Add(name, value);
        await DriveAsync(http, url, concurrency, warmup); // connections, JIT and caches warm on both sides
        var (latencies, errors, elapsed) = await DriveAsync(http, url, concurrency, duration);
        latencies.Sort();
        double At(double q) => latencies.Count == 0 ? double.NaN : Math.Round(latencies[(int)Math.Min(latencies.Count - 1, q * latencies.Count)], 3);
        return new LoadResult(target, latencies.Count, errors, Math.Round(latencies.Count / elapsed.TotalSeconds, 1),
            At(0.50), At(0.90), At(0.99), latencies.Count == 0 ? double.NaN : Math.Round(latencies[^1], 3));
    }

    /// <summary>
    /// Several targets measured in alternating short rounds (the order rotating each round) rather than one after the
    /// other: on a shared machine the load from everything else drifts, and JIT tiering keeps improving the processes
    /// under test for a while, so whichever target ran first or last would otherwise be favoured.
    /// </summary>
    public static async Task<IReadOnlyList<LoadResult>> InterleavedAsync(
        IReadOnlyList<LoadTarget> targets, int concurrency, TimeSpan warmup, TimeSpan duration, int rounds)
    {
        var clients = targets.Select(t =>
        {
            var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
            foreach (var (name, value) in t.Headers ?? new Dictionary<string, string>())
                http.DefaultRequestHeaders.Add(name, value);
            return http;
        }).ToList();
        try
        {
            for (var i = 0; i < targets.Count; i++)
                await DriveAsync(clients[i], targets[i].Url, concurrency, warmup);

            var latencies = targets.Select(_ => new List<double>()).ToList();
            var errors = new long[targets.Count];
            var elapsed = new TimeSpan[targets.Count];
            var slice = duration / rounds;
            for (var round = 0; round < rounds; round++)
            {
                for (var k = 0; k < targets.Count; k++)
                {
                    var i = (k + round) % targets.Count;
                    var (l, e, t) = await DriveAsync(clients[i], targets[i].Url, concurrency, slice);
                    latencies[i].AddRange(l);
                    errors[i] += e;
                    elapsed[i] += t;
                }
            }

            return targets.Select((t, i) => Summarise(t.Name, latencies[i], errors[i], elapsed[i])).ToList();
        }
        finally
        {
            foreach (var client in clients) client.Dispose();
        }
    }

    private static LoadResult Summarise(string target, List<double> latencies, long errors, TimeSpan elapsed)
    {
        latencies.Sort();
        double At(double q) => latencies.Count == 0 ? double.NaN : Math.Round(latencies[(int)Math.Min(latencies.Count - 1, q * latencies.Count)], 3);
        return new LoadResult(target, latencies.Count, errors, Math.Round(latencies.Count / elapsed.TotalSeconds, 1),
            At(0.50), At(0.90), At(0.99), latencies.Count == 0 ? double.NaN : Math.Round(latencies[^1], 3));
    }

    private static async Task<(List<double> Latencies, long Errors, TimeSpan Elapsed)> DriveAsync(HttpClient http, Uri url, int concurrency, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long errors = 0;
        var perWorker = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            var latencies = new List<double>(100_000);
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                    if (response.IsSuccessStatusCode) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    else Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException) { Interlocked.Increment(ref errors); }
            }
            return latencies;
        }));
        return (perWorker.SelectMany(l => l).ToList(), errors, clock.Elapsed);
    }
}
