using System.Net;
using System.Net.Sockets;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.AppHost.Hosting;

public static class LocalRunExtensions
{
    /// <summary>
    /// What `./platform up` needs beyond Aspire's defaults: the dashboard on 127.0.0.1:18888 (--dashboard-url) over
    /// plain HTTP on loopback with its OTLP endpoint on a free port (there is no launch profile to say so, and no
    /// certificate), projects started as their built programs, the start-up report on the console, and a plain sentence instead of a stack trace when a port is
    /// taken or a package is missing.
    /// </summary>
    public static IDistributedApplicationBuilder ConfigureLocalRun(this IDistributedApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        configuration["ASPNETCORE_URLS"] ??= configuration["dashboard-url"] ?? "http://127.0.0.1:18888";
        configuration["ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL"] ??= $"http://127.0.0.1:{FreePort.Next()}";
        configuration["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] ??= $"http://127.0.0.1:{FreePort.Next()}";
        configuration["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] ??= "true";
        // The dashboard's telemetry API is unsecured unless given a key: nothing on this machine answers without one.
        configuration["AppHost:DashboardApiKey"] ??= Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        if (!builder.ExecutionContext.IsRunMode) return builder;

        builder.LaunchProjectsFromBuildOutput();
        builder.Services.AddSingleton<StartupReport>();
        builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) =>
        {
            foreach (var problem in MissingPackages(e.Model)) throw new PlatformSetupException(problem);
            foreach (var (owner, port) in FixedPorts(e.Model, configuration))
                if (!FreePort.IsFree(port))
                    throw new PlatformSetupException($"Port {port} ({owner}) is already in use: stop what uses it, or choose another (--gateway-port N, --dashboard-url URL).");
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = e.Services.GetRequiredService<StartupReport>().RunAsync(stopping);
            return Task.CompletedTask;
        });
        return builder;
    }

    private static IEnumerable<string> MissingPackages(DistributedApplicationModel model)
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
    private static IEnumerable<(string Owner, int Port)> FixedPorts(DistributedApplicationModel model, IConfiguration configuration)
    {
        foreach (var resource in model.Resources.OfType<ProjectResource>())
            foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
                if (endpoint.Port is int port && !endpoint.IsProxied) yield return (resource.Name, port);
        if (Uri.TryCreate(configuration["ASPNETCORE_URLS"]?.Split(';')[0], UriKind.Absolute, out var dashboard))
            yield return ("the dashboard", dashboard.Port);
    }

}
