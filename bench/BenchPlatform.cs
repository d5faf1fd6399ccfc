using System.Diagnostics;
using System.Globalization;
using Platform.Bench.Scenarios;

namespace Platform.Bench;

/// <summary>
/// The platform bench all runs against: the Release AppHost started fresh on its own data folder and ports, with
/// Notifications' mail going to the bench's smtp-sink and the public-write limit raised through configuration (every
/// delegate of registration-rush comes from 127.0.0.1). Stopped with SIGTERM, as Ctrl+C would, so DCP ends what it ran.
/// </summary>
public sealed class BenchPlatform : IAsyncDisposable
{
    public static readonly string[] Services = ["gateway", "events", "volunteers", "awards", "notifications", "web"];

    private readonly Process _appHost;
    private readonly Uri _gateway;

    private BenchPlatform(Process appHost, Uri gateway)
    {
        _appHost = appHost;
        _gateway = gateway;
    }

    public static async Task<BenchPlatform> StartAsync(string repository, string data, int gatewayPort, int dashboardPort, Uri mailServer, TimeSpan timeout)
    {
        var appHost = Path.Combine(repository, "AppHost", "bin", "Release", "net10.0", "AppHost.dll");
        if (!File.Exists(appHost)) throw new InvalidOperationException($"{appHost} is missing: build Release first (./platform bench all does).");
        var dashboard = new Uri($"http://127.0.0.1:{dashboardPort}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repository, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            appHost, "--data", data, "--fresh", "true", "--gateway-port", gatewayPort.ToString(CultureInfo.InvariantCulture),
            "--dashboard-url", dashboard.ToString().TrimEnd('/'), "--ConnectionStrings:mail", mailServer.ToString().TrimEnd('/'),
        })
            start.ArgumentList.Add(argument);
        start.Environment["RateLimits__PublicWritesPerWindow"] = "100000";
        var log = new StreamWriter(Path.Combine(Path.GetTempPath(), $"bench-apphost-{dashboardPort}.log")) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("The AppHost did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var platform = new BenchPlatform(process, new Uri($"http://127.0.0.1:{gatewayPort}"));

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"The AppHost exited with {process.ExitCode} (its output: {Path.GetTempPath()}bench-apphost-{dashboardPort}.log)");
            if (clock.Elapsed > timeout)
            {
                await platform.DisposeAsync();
                throw new TimeoutException($"The platform was not healthy within {timeout.TotalMinutes} min");
            }

            try
            {
                using var health = await http.GetAsync($"http://127.0.0.1:{gatewayPort}/health");
                if (health.IsSuccessStatusCode && await platform.AllRunningAsync(http)) return platform;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException) { }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>The gateway starts once the services are healthy; the site is not waited for, so it is asked too.</summary>
    private async Task<bool> AllRunningAsync(HttpClient http)
    {
        foreach (var service in Services.Where(s => s != "gateway"))
        {
            using var alive = await http.GetAsync(new Uri(PlatformResources.ServiceUrl(_gateway, service), "/alive"));
            if (!alive.IsSuccessStatusCode) return false;
        }

        return true;
    }

    /// <summary>Each service's resident memory (VmRSS) in MB: the process listening on the service's port.</summary>
    public Dictionary<string, double?> Memory() => Services.ToDictionary(service => service, service =>
        ProcessMemory.ResidentMegabytes(ProcessMemory.ListeningProcess(service == "gateway" ? _gateway.Port : PlatformResources.ServiceUrl(_gateway, service).Port)));

    public async ValueTask DisposeAsync()
    {
        if (!_appHost.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _appHost.Id.ToString(CultureInfo.InvariantCulture)])) await kill.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try { await _appHost.WaitForExitAsync(grace.Token); }
            catch (OperationCanceledException) { _appHost.Kill(entireProcessTree: true); }
        }

        _appHost.Dispose();
    }
}
