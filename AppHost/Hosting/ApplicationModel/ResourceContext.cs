using Platform.AppHost.Hosting.Processes;
using Platform.AppHost.Hosting.Secrets;

namespace Platform.AppHost.Hosting.ApplicationModel;

/// <summary>What the orchestrator lends a resource while it starts: its data folder, secrets, and a way to launch children.</summary>
public sealed class ResourceContext(HostingOptions options, SecretStore secrets, PidRegistry pids, TimeProvider time)
{
    public HostingOptions Options { get; } = options;
    public SecretStore Secrets { get; } = secrets;
    public TimeProvider Time { get; } = time;

    public string DataDirectoryFor(Resource resource)
    {
        var path = Path.Combine(Options.DataDirectory, resource.Name);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Starts a child whose console lines go to the resource's log, and records its group for crash cleanup.</summary>
    public ManagedProcess Launch(Resource resource, ProcessSpec spec, string? pidName = null)
    {
        var log = resource.Status.Logs;
        var process = ManagedProcess.Start(spec, (line, isError) => log.Add(line, isError, Time.GetUtcNow()));
        var name = pidName ?? resource.Name;
        pids.Record(name, process.Pid);
        _ = process.Exited.ContinueWith(_ => pids.Forget(name), TaskScheduler.Default);
        return process;
    }
}
