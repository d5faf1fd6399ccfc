using Platform.EndToEnd.Tests.Gateway;
using Platform.AppHost.Hosting;
using Platform.AppHost.Hosting.Processes;
using Platform.AppHost.Hosting.Testing;

[assembly: AssemblyFixture(typeof(Platform.EndToEnd.Tests.PlatformFixture))]
// One platform for the whole run, and some tests stop its broker: tests take turns.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The whole platform, started once per test run from the AppHost's own Program.cs (real RabbitMQ, PostgreSQL and
/// SMTP sink, every service and the gateway), on random ports and a throwaway data folder.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public DistributedApplication App { get; private set; } = null!;
    public HttpClient Gateway { get; private set; } = null!;
    public HttpClient Dashboard { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // With its dashboard (on a free port), as a developer runs it: projects export telemetry to it, and the
        // dead-letter tests use its API.
        App = await DistributedApplicationTestingBuilder.CreateAsync<Program>(o =>
        {
            o.DashboardUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
            TestPlatformSettings.Apply(o);
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await App.StartAsync(timeout.Token);
        await App.WaitForResourceHealthyAsync("gateway", timeout.Token);
        Gateway = App.CreateHttpClient("gateway");
        Dashboard = new HttpClient { BaseAddress = App.DashboardUrl };
    }

    /// <summary>A client of the gateway from a loopback address of its own (see <see cref="LoopbackCallers"/>).</summary>
    public HttpClient CreatePublicClient() => LoopbackCallers.Create(Gateway.BaseAddress!);

    private Task<string>? _staffToken;

    /// <summary>One staff session for the whole run, so tests do not spend the per-IP login allowance.</summary>
    public Task<string> StaffTokenAsync() => _staffToken ??= Gateway.StaffPasswordLoginAsync(this);

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        Dashboard?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}
