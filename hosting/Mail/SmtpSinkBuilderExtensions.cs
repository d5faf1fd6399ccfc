using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Platform.AppHost.Hosting.Resources;

namespace Platform.AppHost.Hosting;

public static class SmtpSinkBuilderExtensions
{
    private const string Python = "/usr/bin/python3";

    /// <summary>An SMTP sink whose mail tests can read (Debian's python3-aiosmtpd; the python3 first on PATH may lack it).</summary>
    public static IResourceBuilder<SmtpSinkResource> AddSmtpSink(this IDistributedApplicationBuilder builder, string name, int? port = null)
    {
        var data = builder.GetDataFolder();
        var home = data.For(name);
        var smtpPort = port ?? FreePort.Next();
        var sink = new SmtpSinkResource(name, Python, home) { MaildirPath = Path.Combine(home, "Maildir") };

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(sink, (_, _) =>
        {
            if (!File.Exists("/usr/lib/python3/dist-packages/aiosmtpd/__init__.py"))
                throw new PlatformSetupException("aiosmtpd is missing: install Debian's python3-aiosmtpd package (./platform up installs it).");
            Directory.CreateDirectory(home);
            return Task.CompletedTask;
        });

        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddPolledCheck(healthCheck, ct => Probes.SmtpAsync(smtpPort, ct), "no 220 greeting");

        return builder.AddResource(sink)
            .WithArgs("-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{smtpPort}", "-c", "aiosmtpd.handlers.Mailbox", sink.MaildirPath)
            .WithEnvironment("PYTHONUNBUFFERED", "1")
            .WithEndpoint(SmtpSinkResource.PrimaryEndpointName, e =>
            {
                e.Port = smtpPort;
                e.TargetPort = smtpPort;
                e.IsProxied = false;
                e.TargetHost = "127.0.0.1";
                e.UriScheme = "smtp";
            })
            .WithIconName("Mail")
            .WithHealthCheck(healthCheck);
    }
}
