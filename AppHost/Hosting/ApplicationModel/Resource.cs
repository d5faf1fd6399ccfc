namespace Platform.AppHost.Hosting.ApplicationModel;

/// <summary>
/// One thing the AppHost runs: a backing server, a database inside one, or a project. Subclasses know how to
/// start, probe and stop themselves; the orchestrator owns the state machine around them.
/// </summary>
public abstract class Resource(string name)
{
    public string Name { get; } = name;
    public abstract string Type { get; }

    /// <summary>Resources that must be Running and Healthy before this one starts (Aspire's WaitFor).</summary>
    public List<Resource> WaitsFor { get; } = [];

    /// <summary>A resource this one lives inside (a database inside its server); it starts once the parent is healthy.</summary>
    public virtual Resource? Parent => null;

    /// <summary>Services stop before the servers they use: lower tiers stop first.</summary>
    public virtual int ShutdownTier => 1;

    public ResourceStatus Status { get; } = new();

    public abstract Task StartAsync(ResourceContext context, CancellationToken cancellationToken);

    public abstract Task<HealthStatus> CheckHealthAsync(CancellationToken cancellationToken);

    public abstract Task StopAsync(CancellationToken cancellationToken);

    public virtual IReadOnlyList<string> Urls => [];

    public override string ToString() => $"{Type} '{Name}'";
}

/// <summary>A resource that hands its consumers a connection string (ConnectionStrings__{Name}).</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }
    string ConnectionString { get; }
}

/// <summary>A resource other projects can call over HTTP (services__{Name}__http__0).</summary>
public interface IResourceWithHttpEndpoint
{
    string Name { get; }
    Uri HttpEndpoint { get; }
}
