using System.Diagnostics;
using Platform.AppHost.Hosting.ApplicationModel;

namespace Platform.AppHost.Hosting.Console;

using Console = System.Console;

/// <summary>What a person at the terminal sees: progress while starting, a table of what runs where, and problems said plainly.</summary>
internal sealed class ConsoleReporter(bool enabled)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();

    public void Starting(DistributedApplication app)
    {
        _clock.Restart();
        Write($"Starting {app.Resources.Count} resources; data in {app.Options.DataDirectory}");
        if (app.DashboardUrl is not null) Write($"Dashboard: {app.DashboardUrl}");
    }

    public void StateChanged(Resource resource)
    {
        var status = resource.Status;
        var health = status.State == ResourceState.Running && status.Health is { } h ? $" ({h})" : "";
        Write($"[{_clock.Elapsed.TotalSeconds,5:0.0}s] {resource.Name,-16} {status.State}{health}");
    }

    public void Problem(Resource resource, string why)
    {
        var tail = resource.Status.Logs.Tail(15).ToList();
        // A .NET crash ends in a long stack trace; the line that says what went wrong is above it.
        if (resource.Status.Logs.LastExceptionMessage() is { } cause && !tail.Contains(cause)) tail.Insert(0, cause);
        var lines = string.Join(Environment.NewLine, tail.Select(l => "      | " + l));
        Write($"[{_clock.Elapsed.TotalSeconds,5:0.0}s] PROBLEM: {resource} {why}" + (tail.Count > 0 ? $"{Environment.NewLine}   last lines of its log:{Environment.NewLine}{lines}" : ""), error: true);
    }

    public void Note(string text) => Write(text);

    public void Started(DistributedApplication app, TimeSpan elapsed)
    {
        var healthy = app.Resources.All(r => r.Status.IsRunningAndHealthy);
        Write(healthy
            ? $"All {app.Resources.Count} resources Running and Healthy in {elapsed.TotalSeconds:0.0} s (from start, after the build)."
            : $"Started in {elapsed.TotalSeconds:0.0} s, but not everything is healthy: {string.Join(", ", app.Resources.Where(r => !r.Status.IsRunningAndHealthy).Select(r => $"{r.Name} is {Describe(r)}"))}.",
            error: !healthy);
    }

    public void Running(DistributedApplication app, IReadOnlyList<(string Name, string Value)> newSecrets)
    {
        if (!enabled) return;
        lock (_gate)
        {
            Console.WriteLine();
            Console.WriteLine($"{"RESOURCE",-16} {"TYPE",-20} {"STATE",-22} {"PID",7}  URL");
            foreach (var resource in app.Resources)
                Console.WriteLine($"{resource.Name,-16} {resource.Type,-20} {Describe(resource),-22} {resource.Status.Pid?.ToString() ?? "",7}  {string.Join(" ", resource.Urls)}");
            Console.WriteLine();
            if (app.Resources.FirstOrDefault(r => r.Name == "gateway") is { } gateway) Console.WriteLine($"Gateway:   {string.Join(" ", gateway.Urls)}");
            if (app.DashboardUrl is not null) Console.WriteLine($"Dashboard: {app.DashboardUrl}");
            foreach (var (name, value) in newSecrets)
                Console.WriteLine($"Generated {name}: {value}  (shown this once; kept in {Path.Combine(app.Options.DataDirectory, "secrets.json")})");
            Console.WriteLine("Press Ctrl+C to stop.");
        }
    }

    public void Stopping() => Write("Stopping: services first, then servers...");

    public void Stopped() => Write($"Stopped; no process of the platform is left running.");

    private static string Describe(Resource resource) =>
        resource.Status.State == ResourceState.Running ? $"Running ({resource.Status.Health?.ToString() ?? "checking"})" : resource.Status.State.ToString();

    private void Write(string text, bool error = false)
    {
        if (!enabled) return;
        lock (_gate) (error ? Console.Error : Console.Out).WriteLine(text);
    }
}
