using Platform.AppHost.Hosting;
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

    public async ValueTask InitializeAsync()
    {
        App = await DistributedApplicationTestingBuilder.CreateAsync<Program>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await App.StartAsync(timeout.Token);
        await App.WaitForResourceHealthyAsync("gateway", timeout.Token);
        Gateway = App.CreateHttpClient("gateway");
    }

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}
