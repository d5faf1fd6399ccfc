using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Platform.AppHost.Hosting.Supervision;

namespace Platform.AppHost.Hosting;

public static class LocalRunExtensions
{
    /// <summary>
    /// What `./platform up` needs beyond Aspire's defaults: the dashboard on 127.0.0.1:18888 (--dashboard-url) over
    /// plain HTTP on loopback with its OTLP endpoint on a free port (there is no launch profile to say so, and no
    /// certificate), projects started as their built programs, crashed resources started again (Supervision/), the start-up report on the console, and a plain sentence instead of a stack trace when a port is
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
        builder.RestartCrashedResources();
        builder.Services.AddSingleton<StartupReport>();
        builder.Eventing.Subscribe<BeforeStartEvent>((e, ct) =>
        {
            foreach (var problem in SetupChecks.Problems(e.Model, configuration)) throw new PlatformSetupException(problem);
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = e.Services.GetRequiredService<StartupReport>().RunAsync(stopping);
            return Task.CompletedTask;
        });
        return builder;
    }
}
