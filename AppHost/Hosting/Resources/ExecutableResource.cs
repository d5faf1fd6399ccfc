using Platform.AppHost.Hosting.ApplicationModel;
using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// Any program (Aspire's AddExecutable). With no protocol to probe, it counts as healthy once it has stayed up for
/// <see cref="SettleTime"/>: a program that dies at once (bad arguments, missing config) failed to start.
/// </summary>
public sealed class ExecutableResource(string name, string command, IReadOnlyList<string> arguments) : ProcessResource(name)
{
    public override string Type => "Executable";
    public override int ShutdownTier => 1;
    public Dictionary<string, string?> Environment { get; } = [];
    public TimeSpan SettleTime { get; set; } = TimeSpan.FromSeconds(1);
    private DateTimeOffset _launchedAt;

    protected override Task<ProcessSpec> PrepareAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        _launchedAt = context.Time.GetUtcNow();
        return Task.FromResult(new ProcessSpec(command, arguments) { Environment = Environment });
    }

    public override Task<HealthStatus> CheckHealthAsync(CancellationToken cancellationToken) =>
        Task.FromResult(MainProcess is { Exited.IsCompleted: false } && DateTimeOffset.UtcNow - _launchedAt >= SettleTime
            ? HealthStatus.Healthy
            : HealthStatus.Unhealthy);
}
