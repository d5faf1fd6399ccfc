using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Platform.Bench.Scenarios;

namespace Platform.Bench;

/// <summary>
/// ./platform bench all: Postfix's smtp-sink, then a freshly started Release platform of the bench's own (its own data
/// folder and ports, mail to the sink, the public-write limit raised as registration-rush needs), a warm-up round, every
/// scenario in turn with each service's memory at rest and after each, one JSON file and a short table. Stops the
/// platform and the sink at the end.
/// </summary>
public static class BenchAll
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(12);

    public static async Task<int> RunAsync(BenchOptions options, IReadOnlyDictionary<string, IScenario> scenarios, JsonSerializerOptions json)
    {
        var repository = Repository();
        var data = options.DataFolder ?? Path.Combine(repository, ".platform", "bench");
        var gatewayPort = LocalServer.FreePort();
        var dashboardPort = LocalServer.FreePort();
        await using var sink = await PostfixSmtpSink.StartAsync();
        var run = options with
        {
            Gateway = new Uri($"http://127.0.0.1:{gatewayPort}"),
            Dashboard = new Uri($"http://127.0.0.1:{dashboardPort}"),
            DataFolder = data,
            Sink = sink,
        };

        Console.Error.WriteLine($"Starting the platform (Release, data {data}, gateway :{gatewayPort}, dashboard :{dashboardPort}, mail to smtp-sink :{sink.Port})...");
        var started = Stopwatch.StartNew();
        await using var platform = await BenchPlatform.StartAsync(repository, data, gatewayPort, dashboardPort, sink.Address, StartTimeout);
        Console.Error.WriteLine($"Platform healthy after {started.Elapsed.TotalSeconds:F0} s.");

        var report = new Dictionary<string, object>
        {
            ["startedAt"] = DateTimeOffset.UtcNow,
            ["machine"] = new { Environment.ProcessorCount, Os = Environment.OSVersion.ToString(), Host = Environment.MachineName },
            ["commit"] = Git(repository, "rev-parse", "--short", "HEAD"),
            ["platformStartSeconds"] = Math.Round(started.Elapsed.TotalSeconds, 1),
        };

        // At rest: started, nothing asked of it yet but the health polls.
        await Task.Delay(TimeSpan.FromSeconds(20));
        var memory = new Dictionary<string, object> { ["at-rest"] = platform.Memory() };

        // Warm-up: the same paths, short, results thrown away, so the first scenario does not pay for JIT and caches.
        Console.Error.WriteLine("Warm-up round...");
        var warm = run with { Duration = TimeSpan.FromSeconds(3), Warmup = TimeSpan.FromSeconds(1), Delegates = 64 };
        foreach (var name in new[] { "gateway-overhead", "role-search", "registration-rush" })
        {
            try
            {
                await scenarios[name].RunAsync(warm);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException)
            {
                // A warm-up that fails warms nothing more; the scenario itself still runs and says what failed.
                Console.Error.WriteLine($"Warm-up of {name} failed: {ex.Message}");
            }
        }

        var results = new Dictionary<string, object>();
        report["scenarios"] = results;
        report["memoryMegabytes"] = memory;
        var folder = Path.Combine(repository, "bench", "results");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"bench-all-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.json");

        var plan = new (string Key, string Scenario, BenchOptions Options)[]
        {
            ("gateway-overhead", "gateway-overhead", run),
            ("registration-rush", "registration-rush", run with { InFlight = run.InFlight ?? 64, Delegates = Math.Max(run.Delegates, 2_000) }),
            ("news-fanout-20000", "news-fanout", run with { Subscribers = 20_000 }),
            ("role-search", "role-search", run),
            ("news-fanout-100000", "news-fanout", run with { Subscribers = 100_000 }),
        };
        foreach (var (key, name, scenarioOptions) in plan)
        {
            Console.Error.WriteLine($"{key}...");
            try
            {
                results[key] = await scenarios[name].RunAsync(scenarioOptions);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or HttpRequestException)
            {
                // One scenario failing still leaves the others' figures.
                results[key] = new { Scenario = name, Error = ex.Message };
            }

            memory[$"after-{key}"] = platform.Memory();
            // Written after every scenario, so a run stopped part-way still leaves what it measured.
            await WriteAsync(file, report, json);
        }

        report["finishedAt"] = DateTimeOffset.UtcNow;
        var table = await WriteAsync(file, report, json);
        Console.WriteLine(table);
        Console.Error.WriteLine($"Written {file}");
        return 0;
    }

    private static async Task<string> WriteAsync(string file, Dictionary<string, object> report, JsonSerializerOptions json)
    {
        var document = JsonSerializer.SerializeToElement(report, json);
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(document, json));
        var table = BenchTable.Render(document);
        await File.WriteAllTextAsync(Path.ChangeExtension(file, ".md"), table);
        return table;
    }

    private static string Repository()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Platform.sln"))) return folder.FullName;
        throw new InvalidOperationException("Run ./platform bench all from the repository.");
    }

    private static string Git(string repository, params string[] arguments)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return output;
    }
}
