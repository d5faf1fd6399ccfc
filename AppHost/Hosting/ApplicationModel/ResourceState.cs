namespace Platform.AppHost.Hosting.ApplicationModel;

/// <summary>Aspire's resource states, kept by name so tooling that knows Aspire reads ours the same way.</summary>
public enum ResourceState
{
    NotStarted,
    Waiting,
    Starting,
    Running,
    FailedToStart,
    Exited,
    Finished,
}

public enum HealthStatus
{
    Unhealthy,
    Healthy,
}
