using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Platform.AppHost.Hosting;

/// <summary>
/// What a person must fix before anything can start, each as the one sentence `./platform up` ends with: a Debian
/// package that is missing, a port they chose that something else already uses.
/// </summary>
internal static class SetupChecks
{
    public static IEnumerable<string> Problems(DistributedApplicationModel model, IConfiguration configuration)
    {
        foreach (var problem in MissingPackages(model)) yield return problem;
        foreach (var (owner, port) in FixedPorts(model, configuration))
            if (!FreePort.IsFree(port))
                yield return $"Port {port} ({owner}) is already in use: stop what uses it, or choose another (--gateway-port N, --dashboard-url URL).";
    }

    internal static IEnumerable<string> MissingPackages(DistributedApplicationModel model)
    {
        foreach (var executable in model.Resources.OfType<ExecutableResource>())
            if (executable.Command.StartsWith('/') && !File.Exists(executable.Command))
                yield return $"{executable.Command} is missing (needed by {executable.Name}): ./platform up installs Debian's packages.";
        if (model.Resources.OfType<Resources.PostgresServerResource>().Any() && Postgres.PostgresCluster.MissingPackage() is { } postgres) yield return postgres;
        if (model.Resources.OfType<Resources.RabbitMQServerResource>().Any() && !File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server"))
            yield return "/usr/lib/rabbitmq/bin/rabbitmq-server is missing: install Debian's rabbitmq-server package (./platform up installs it).";
        if (model.Resources.OfType<Resources.SmtpSinkResource>().Any() && !File.Exists("/usr/lib/python3/dist-packages/aiosmtpd/__init__.py"))
            yield return "aiosmtpd is missing: install Debian's python3-aiosmtpd package (./platform up installs it).";
    }

    /// <summary>Ports a person chose (the gateway's, the dashboard's): the only ones that can already be taken.</summary>
    internal static IEnumerable<(string Owner, int Port)> FixedPorts(DistributedApplicationModel model, IConfiguration configuration)
    {
        foreach (var resource in model.Resources.OfType<ProjectResource>())
            foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
                if (endpoint.Port is int port && !endpoint.IsProxied) yield return (resource.Name, port);
        if (Uri.TryCreate(configuration["ASPNETCORE_URLS"]?.Split(';')[0], UriKind.Absolute, out var dashboard))
            yield return ("the dashboard", dashboard.Port);
    }
}
