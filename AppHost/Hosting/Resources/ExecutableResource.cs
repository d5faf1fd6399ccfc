using Platform.AppHost.Hosting.ApplicationModel;
using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>Any program, healthy while it runs (Aspire's AddExecutable).</summary>
public sealed class ExecutableResource(string name, string command, IReadOnlyList<string> arguments) : ProcessResource(name)
{
    public override string Type => "Executable";
    public override int ShutdownTier => 1;
    public Dictionary<string, string?> Environment { get; } = [];

    protected override Task<ProcessSpec> PrepareAsync(ResourceContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new ProcessSpec(command, arguments) { Environment = Environment });

    public override Task<HealthStatus> CheckHealthAsync(CancellationToken cancellationToken) =>
        Task.FromResult(MainProcess is { Exited.IsCompleted: false } ? HealthStatus.Healthy : HealthStatus.Unhealthy);
}
