using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.AppHost.Hosting.Processes;
using Platform.EndToEnd.Tests.Gateway;

[assembly: AssemblyFixture(typeof(Platform.EndToEnd.Tests.PlatformFixture))]
// One platform for the whole run, and tests take turns: first those that only add data of their own, then those that
// stop, kill or restart part of it or move a service's clock far, and last those that start a platform of their own
// (SuiteOrder.cs).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The whole platform, started once per test run by Aspire.Hosting.Testing from the AppHost's own Program.cs (real
/// RabbitMQ, PostgreSQL and SMTP sink, every service, the gateway and the Aspire dashboard), on free ports and a
/// throwaway data folder. <see cref="Replicas.TwoReplicaPlatform"/> starts a second one with two copies of every project.
/// </summary>
public class PlatformFixture : IAsyncLifetime
{
    private readonly int _replicas;
    private readonly bool _telemetry;

    public PlatformFixture() : this(replicas: 1, telemetry: true) { }

    /// <param name="replicas">Copies of every project.</param>
    /// <param name="telemetry">With the dashboard, and every project exporting its telemetry to it.</param>
    protected PlatformFixture(int replicas, bool telemetry)
    {
        _replicas = replicas;
        _telemetry = telemetry;
    }

    /// <summary>
    /// Where test runs keep their data folders; each run's is deleted when it ends. Not the home-made AppHost's old
    /// folder (platform-test-runs): branches still on it sweep that folder of runs they do not recognise.
    /// </summary>
    public static string TestRunsDirectory { get; } = Path.Combine(Path.GetTempPath(), "platform-aspire-test-runs");

    public DistributedApplication App { get; private set; } = null!;
    public HttpClient Gateway { get; private set; } = null!;

    /// <summary>The Aspire dashboard (no login: requests get the login page unless they bring <see cref="DashboardToken"/>).</summary>
    public Uri DashboardUrl { get; private set; } = null!;
    public string DashboardToken { get; private set; } = "";

    public string DataDirectory { get; } = Path.Combine(TestRunsDirectory, Guid.CreateVersion7().ToString("N"));

    public virtual async ValueTask InitializeAsync()
    {
        DashboardUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        // As a developer runs it, with the dashboard: projects export their telemetry to it.
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["--data", DataDirectory, "--throwaway-data", "true", "--gateway-port", FreePort.Next().ToString(),
             "--dashboard-url", DashboardUrl.ToString().TrimEnd('/'), "--ASPNETCORE_URLS", DashboardUrl.ToString().TrimEnd('/'),
             "--replicas", _replicas.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            (options, _) => options.DisableDashboard = !_telemetry,
            TestContext.Current.CancellationToken);
        TestPlatformSettings.Apply(builder);
        if (!_telemetry)
        {
            // No one to send to: without the endpoint, ServiceDefaults registers no telemetry at all.
            foreach (var project in builder.Resources.OfType<ProjectResource>())
                builder.CreateResourceBuilder(project).WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));
        }
        // Behind DCP's proxy every caller is 127.0.0.1, so the callers' own loopback addresses no longer part them.
        if (_replicas > 1) builder.WithProjectEnvironment("gateway", "RateLimits__PublicWritesPerWindow", "100000");
        // The testing builder gives DCP's proxies random ports; the AppHost polls each project's health at the port it chose.
        if (_replicas > 1) builder.Configuration["DcpPublisher:RandomizePorts"] = "false";
        App = await builder.BuildAsync(TestContext.Current.CancellationToken);

        // Slow on a busy two-core machine: every project is started with `dotnet run`, beside the other test assemblies.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(12));
        await App.StartAsync(timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
        Gateway = App.CreateHttpClient("gateway");
        var configuration = App.Services.GetRequiredService<IConfiguration>();
        // The testing builder puts the dashboard behind DCP's proxy on a port of its choosing.
        if (_telemetry) DashboardUrl = App.GetEndpoint("aspire-dashboard", "http");
        DashboardToken = configuration["AppHost:BrowserToken"] ?? "";
    }

    /// <summary>A client of the gateway from a loopback address of its own (see <see cref="LoopbackCallers"/>).</summary>
    public HttpClient CreatePublicClient() => LoopbackCallers.Create(Gateway.BaseAddress!);

    private Task<string>? _staffToken;

    /// <summary>One staff session for the whole run, so tests do not spend the per-IP login allowance.</summary>
    public Task<string> StaffTokenAsync() => _staffToken ??= Gateway.StaffPasswordLoginAsync(this);

    /// <summary>Stops every process of the platform ahead of <see cref="DisposeAsync"/>, once no test needs it any more.</summary>
    public async Task StopAsync()
    {
        if (App is not null) await App.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        if (App is not null) await App.DisposeAsync();
        try { Directory.Delete(DataDirectory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }

        GC.SuppressFinalize(this);
    }
}
