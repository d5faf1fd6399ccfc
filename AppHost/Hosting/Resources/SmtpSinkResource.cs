using Platform.AppHost.Hosting.ApplicationModel;
using Platform.AppHost.Hosting.Processes;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>
/// An SMTP server that keeps every message as a file (aiosmtpd's Maildir handler), where Aspire would run a MailDev
/// or Mailpit container. Services get ConnectionStrings__{name}=smtp://127.0.0.1:PORT.
/// </summary>
public sealed class SmtpSinkResource(string name) : ProcessResource(name), IResourceWithConnectionString
{
    private const string Python = "/usr/bin/python3";

    public override string Type => "SMTP sink";
    public override int ShutdownTier => 2;
    protected override int StopSignal => Signals.SIGINT;

    public int Port { get; } = FreePort.Next();
    public string? MaildirPath { get; private set; }

    public string ConnectionString => $"smtp://127.0.0.1:{Port}";

    public override IReadOnlyList<string> Urls => [ConnectionString];

    protected override Task<ProcessSpec> PrepareAsync(ResourceContext context, CancellationToken cancellationToken)
    {
        MaildirPath = Path.Combine(context.DataDirectoryFor(this), "Maildir");
        return Task.FromResult(new ProcessSpec(Python,
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", MaildirPath])
        {
            Environment = new() { ["PYTHONUNBUFFERED"] = "1" },
        });
    }

    public override async Task<HealthStatus> CheckHealthAsync(CancellationToken cancellationToken) =>
        await Probes.SmtpAsync(Port, cancellationToken) ? HealthStatus.Healthy : HealthStatus.Unhealthy;

    /// <summary>The messages received so far, oldest first.</summary>
    public Mailbox Mailbox => new(MaildirPath ?? throw new InvalidOperationException($"'{Name}' has not started."));
}
