using Platform.AppHost.Hosting.ApplicationModel;
using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>A resource backed by a child process (and possibly helpers it needs, started first and stopped last).</summary>
public abstract class ProcessResource(string name) : Resource(name)
{
    private readonly List<ManagedProcess> _processes = [];

    /// <summary>The process whose exit means the resource has exited.</summary>
    public ManagedProcess? MainProcess { get; private set; }

    protected virtual int StopSignal => Signals.SIGTERM;
    protected virtual TimeSpan StopGrace => TimeSpan.FromSeconds(10);

    /// <summary>Gets everything ready (folders, config, helpers) and says how to launch the main process.</summary>
    protected abstract Task<ProcessSpec> PrepareAsync(ResourceContext context, CancellationToken cancellationToken);

    public override async Task StartAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        var spec = await PrepareAsync(context, cancellationToken);
        Status.Logs.Add($"> {spec}", false, context.Time.GetUtcNow());
        MainProcess = Track(context.Launch(this, spec));
        Status.SetPid(MainProcess.Pid);
    }

    protected ManagedProcess LaunchHelper(ResourceContext context, ProcessSpec spec, string suffix) =>
        Track(context.Launch(this, spec, $"{Name}-{suffix}"));

    private ManagedProcess Track(ManagedProcess process)
    {
        lock (_processes) _processes.Add(process);
        return process;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        List<ManagedProcess> processes;
        lock (_processes) { processes = [.. _processes]; _processes.Clear(); }
        processes.Reverse();
        foreach (var process in processes)
            await process.StopAsync(process == MainProcess ? StopSignal : Signals.SIGTERM, StopGrace);
    }
}
