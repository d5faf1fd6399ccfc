namespace Platform.AppHost.Hosting.ApplicationModel;

/// <summary>What a resource is doing now; every change is announced so waiters wake without polling.</summary>
public sealed class ResourceStatus
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ResourceState State { get; private set; } = ResourceState.NotStarted;
    public HealthStatus? Health { get; private set; }
    public int? Pid { get; private set; }
    public int? ExitCode { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? StoppedAt { get; private set; }
    public string? Reason { get; private set; }
    public string? HealthDescription { get; private set; }
    public LogBuffer Logs { get; } = new();

    /// <summary>Completes at the next change of anything above.</summary>
    public Task Changed { get { lock (_gate) return _changed.Task; } }

    public void Set(ResourceState state, string? reason = null, int? exitCode = null, DateTimeOffset? at = null)
    {
        Update(() =>
        {
            State = state;
            Reason = reason;
            if (exitCode is not null) ExitCode = exitCode;
            if (state == ResourceState.Starting) { ExitCode = null; Health = null; Pid = null; HealthDescription = null; }
            if (state == ResourceState.Running) StartedAt = at;
            if (state is ResourceState.Exited or ResourceState.Finished or ResourceState.FailedToStart)
            {
                StoppedAt = at;
                Health = null;
                Pid = null;
            }
        });
    }

    public void SetPid(int? pid) => Update(() => Pid = pid);

    public void SetHealth(HealthStatus health, string? description = null)
    {
        if (Health == health && HealthDescription == description) return;
        Update(() => { Health = health; HealthDescription = description; });
    }

    public bool IsRunningAndHealthy => State == ResourceState.Running && Health == HealthStatus.Healthy;

    public bool IsTerminal => State is ResourceState.FailedToStart or ResourceState.Exited or ResourceState.Finished;

    private void Update(Action change)
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            change();
            previous = _changed;
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        previous.TrySetResult();
    }
}
