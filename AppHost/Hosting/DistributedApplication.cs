using System.Diagnostics;
using System.Runtime.InteropServices;
using Platform.AppHost.Hosting.ApplicationModel;
using Platform.AppHost.Hosting.Console;
using Platform.AppHost.Hosting.Dashboard;
using Platform.AppHost.Hosting.Processes;
using Platform.AppHost.Hosting.Resources;
using Platform.AppHost.Hosting.Secrets;
using Platform.AppHost.Hosting.Testing;

namespace Platform.AppHost.Hosting;

/// <summary>
/// The running app model: starts every resource as soon as what it waits for is healthy, watches health and exits,
/// and stops services before the servers they use. Tests drive the same object (see DistributedApplicationTestingBuilder).
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly Dictionary<string, Resource> _resources;
    private readonly ResourceContext _context;
    private readonly PidRegistry _pids;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<Resource, Task> _runs = [];
    private readonly Lock _gate = new();
    private DashboardHost? _dashboard;
    private bool _stopped;

    internal DistributedApplication(HostingOptions options, IReadOnlyList<Resource> resources, SecretStore secrets)
    {
        Options = options;
        _resources = resources.ToDictionary(r => r.Name, StringComparer.OrdinalIgnoreCase);
        _pids = new PidRegistry(Path.Combine(options.DataDirectory, "run"));
        _context = new ResourceContext(options, secrets, _pids, TimeProvider.System);
        Reporter = new ConsoleReporter(options.ConsoleOutput);
    }

    public static DistributedApplicationBuilder CreateBuilder(string[] args) =>
        new(args, TestingHook.Current?.Options ?? HostingOptionsFactory.FromArgs(args));

    public HostingOptions Options { get; }
    public IReadOnlyCollection<Resource> Resources => _resources.Values;
    internal ConsoleReporter Reporter { get; }
    public Uri? DashboardUrl => _dashboard?.Url;

    public Resource GetResource(string name) =>
        _resources.TryGetValue(name, out var resource) ? resource : throw new KeyNotFoundException($"No resource named '{name}'.");

    /// <summary>Starts everything and returns once each resource is healthy or has failed (never hangs on a failure).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        PrepareDataDirectory();
        if (Options.DashboardUrl is not null)
        {
            _dashboard = new DashboardHost(this, Options.DashboardUrl);
            await _dashboard.StartAsync(cancellationToken);
            foreach (var project in Resources.OfType<ProjectResource>()) project.OtlpEndpoint = _dashboard.Url;
        }
        Reporter.Starting(this);
        foreach (var resource in Resources) Launch(resource);
        await Task.WhenAll(Resources.Select(r => SettledAsync(r, cancellationToken)));
        Reporter.Started(this, clock.Elapsed);
    }

    private void PrepareDataDirectory()
    {
        var owner = Path.Combine(Options.DataDirectory, "owner.pid");
        // Two AppHosts on one data folder would share (and the second would "clean up") each other's servers.
        if (LiveOwner(owner) is { } other)
            throw new InvalidOperationException(
                $"Another AppHost (pid {other}) is running the platform from {Options.DataDirectory}; stop it first (Ctrl+C), or start this one with --data DIR.");
        if (Options.Fresh && Directory.Exists(Options.DataDirectory))
        {
            _pids.KillStale();
            Directory.Delete(Options.DataDirectory, recursive: true);
        }
        Directory.CreateDirectory(Options.DataDirectory);
        File.WriteAllText(owner, Environment.ProcessId.ToString());
        foreach (var name in _pids.KillStale())
            Reporter.Note($"ended '{name}', left running by an earlier run that did not stop cleanly");
    }

    /// <summary>The pid in owner.pid if that process is alive, is a .NET process and is not this one.</summary>
    private static int? LiveOwner(string ownerFile)
    {
        try
        {
            if (!int.TryParse(File.ReadAllText(ownerFile), out var pid) || pid == Environment.ProcessId) return null;
            var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
            return commandLine.Contains("dotnet", StringComparison.Ordinal) || commandLine.Contains("testhost", StringComparison.Ordinal) ? pid : null;
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    private void Launch(Resource resource)
    {
        lock (_gate) _runs[resource] = Task.Run(() => RunAsync(resource, _stopping.Token));
    }

    /// <summary>Completes when the resource is healthy, or can no longer become so.</summary>
    private async Task SettledAsync(Resource resource, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.StartupTimeout + TimeSpan.FromSeconds(5));
        try { await WaitForHealthyOrFailedAsync(resource, timeout.Token); }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { }
    }

    private async Task RunAsync(Resource resource, CancellationToken stopping)
    {
        var status = resource.Status;
        var dependencies = resource.WaitsFor.Concat(resource.Parent is { } parent ? [parent] : Array.Empty<Resource>()).Distinct().ToList();
        try
        {
            if (dependencies.Count > 0)
            {
                status.Set(ResourceState.Waiting);
                Reporter.StateChanged(resource);
                foreach (var dependency in dependencies)
                {
                    if (!await WaitForHealthyOrFailedAsync(dependency, stopping))
                    {
                        Fail(resource, $"waits for '{dependency.Name}', which is {dependency.Status.State}");
                        return;
                    }
                }
            }

            status.Set(ResourceState.Starting);
            Reporter.StateChanged(resource);
            try
            {
                await resource.StartAsync(_context, stopping);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                Fail(resource, e.Message);
                return;
            }
            status.Set(ResourceState.Running, at: _context.Time.GetUtcNow());
            Reporter.StateChanged(resource);
            await WatchAsync(resource, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>Probes health until the resource stops; a process that exits on its own is reported with why.</summary>
    private async Task WatchAsync(Resource resource, CancellationToken stopping)
    {
        var status = resource.Status;
        var exited = (resource as ProcessResource)?.MainProcess?.Exited ?? new TaskCompletionSource<int>().Task;
        var startedAt = Stopwatch.StartNew();
        var everHealthy = false;
        var reportedSlow = false;
        while (!stopping.IsCancellationRequested)
        {
            HealthStatus health;
            try { health = await resource.CheckHealthAsync(stopping); }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return; }
            catch (Exception e) { health = HealthStatus.Unhealthy; status.Logs.Add($"health check failed: {e.Message}", true, _context.Time.GetUtcNow()); }

            if (exited.IsCompleted) break;
            var wasHealthy = status.Health == HealthStatus.Healthy;
            status.SetHealth(health);
            if (health == HealthStatus.Healthy && !wasHealthy) { everHealthy = true; Reporter.StateChanged(resource); }
            if (health != HealthStatus.Healthy && wasHealthy) Reporter.StateChanged(resource);
            if (!everHealthy && !reportedSlow && startedAt.Elapsed > Options.StartupTimeout)
            {
                reportedSlow = true;
                Reporter.Problem(resource, $"is still not healthy after {Options.StartupTimeout.TotalSeconds:0} s");
            }
            // Probe quickly while starting (start-up time is what people wait for), calmly once healthy.
            var delay = everHealthy ? TimeSpan.FromSeconds(2) : TimeSpan.FromMilliseconds(100);
            await Task.WhenAny(exited, Task.Delay(delay, stopping));
        }

        if (exited.IsCompleted && !IsStopping(resource))
        {
            var code = await exited;
            var state = !everHealthy ? ResourceState.FailedToStart : code == 0 ? ResourceState.Finished : ResourceState.Exited;
            var why = everHealthy ? $"exited with code {code}" : $"exited with code {code} before it was healthy";
            if (status.Logs.LastExceptionMessage() is { } cause) why += $": {cause.Trim()}";
            status.Set(state, why, code, _context.Time.GetUtcNow());
            Reporter.Problem(resource, why);
            await resource.StopAsync(CancellationToken.None); // reap helpers (epmd) and any orphans in its group
        }
    }

    private readonly HashSet<Resource> _stoppingResources = [];

    private bool IsStopping(Resource resource)
    {
        lock (_gate) return _stopped || _stoppingResources.Contains(resource);
    }

    private void Fail(Resource resource, string reason)
    {
        resource.Status.Set(ResourceState.FailedToStart, reason, at: _context.Time.GetUtcNow());
        Reporter.Problem(resource, reason);
    }

    private static async Task<bool> WaitForHealthyOrFailedAsync(Resource resource, CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = resource.Status.Changed;
            if (resource.Status.IsRunningAndHealthy) return true;
            if (resource.Status.IsTerminal) return false;
            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Waits until the named resource is Running and Healthy; throws at once if it failed or exited.</summary>
    public async Task WaitForResourceHealthyAsync(string name, CancellationToken cancellationToken = default)
    {
        var resource = GetResource(name);
        if (!await WaitForHealthyOrFailedAsync(resource, cancellationToken))
            throw new InvalidOperationException($"{resource} is {resource.Status.State}: {resource.Status.Reason}\n{string.Join('\n', resource.Status.Logs.Tail(20))}");
    }

    /// <summary>Waits until the named resource reaches <paramref name="state"/>.</summary>
    public async Task WaitForResourceAsync(string name, ResourceState state, CancellationToken cancellationToken = default)
    {
        var resource = GetResource(name);
        while (true)
        {
            var changed = resource.Status.Changed;
            if (resource.Status.State == state) return;
            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>An HttpClient aimed at a project's endpoint (the gateway, usually).</summary>
    public HttpClient CreateHttpClient(string name) =>
        GetResource(name) is IResourceWithHttpEndpoint service
            ? new HttpClient { BaseAddress = service.HttpEndpoint }
            : throw new InvalidOperationException($"'{name}' has no HTTP endpoint.");

    public string GetConnectionString(string name) =>
        GetResource(name) is IResourceWithConnectionString resource
            ? resource.ConnectionString
            : throw new InvalidOperationException($"'{name}' has no connection string.");

    public Mailbox GetMailbox(string name) =>
        GetResource(name) is SmtpSinkResource sink ? sink.Mailbox : throw new InvalidOperationException($"'{name}' is not an SMTP sink.");

    /// <summary>Stops one resource (a dashboard command, or a test simulating an outage). Dependents keep running.</summary>
    public async Task StopResourceAsync(string name)
    {
        var resource = GetResource(name);
        lock (_gate) _stoppingResources.Add(resource);
        await resource.StopAsync(CancellationToken.None);
        var code = (resource as ProcessResource)?.MainProcess?.Exited is { IsCompleted: true } exited ? exited.Result : (int?)null;
        resource.Status.Set(ResourceState.Exited, "stopped", code, _context.Time.GetUtcNow());
        Reporter.StateChanged(resource);
    }

    /// <summary>Starts a stopped resource again with the same ports and data.</summary>
    public async Task StartResourceAsync(string name, CancellationToken cancellationToken = default)
    {
        var resource = GetResource(name);
        Task? previous;
        lock (_gate)
        {
            _stoppingResources.Remove(resource);
            _runs.TryGetValue(resource, out previous);
        }
        if (previous is not null) await previous.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        // Out of the terminal state before the run begins, so nobody waiting sees the old "Exited" as the outcome.
        resource.Status.Set(ResourceState.NotStarted);
        Launch(resource);
        await SettledAsync(resource, cancellationToken);
    }

    /// <summary>Stops services first, then the servers they use, gracefully, killing process groups as the last resort.</summary>
    public async Task StopAsync()
    {
        lock (_gate)
        {
            if (_stopped) return;
            _stopped = true;
        }
        Reporter.Stopping();
        await _stopping.CancelAsync();
        foreach (var tier in Resources.GroupBy(r => r.ShutdownTier).OrderBy(g => g.Key))
        {
            await Task.WhenAll(tier.Select(async resource =>
            {
                try { await resource.StopAsync(CancellationToken.None); }
                catch (Exception e) { Reporter.Problem(resource, $"did not stop cleanly: {e.Message}"); }
                if (!resource.Status.IsTerminal && resource.Status.State != ResourceState.NotStarted)
                    resource.Status.Set(ResourceState.Finished, "stopped", at: _context.Time.GetUtcNow());
            }));
        }
        Task[] runs;
        lock (_gate) runs = [.. _runs.Values];
        await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        // Anything a crashed child left in a group of ours goes now.
        _pids.KillStale();
        if (_dashboard is not null) await _dashboard.DisposeAsync();
        Reporter.Stopped();
    }

    /// <summary>Runs until Ctrl+C or SIGTERM, then stops everything.</summary>
    public void Run() => RunAsync().GetAwaiter().GetResult();

    public async Task RunAsync()
    {
        if (TestingHook.Current is not null) throw new TestingHook.EntryPointCompleted();
        var shutdown = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var startup = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);
        try
        {
            await StartAsync(startup.Token);
            Reporter.Running(this, _context.Secrets.TakeNewSecretsToShow());
            await shutdown.Task;
        }
        catch (OperationCanceledException) when (startup.IsCancellationRequested)
        {
        }
        finally
        {
            await StopAsync();
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            shutdown.TrySetResult();
            startup.Cancel();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
