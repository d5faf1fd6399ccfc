using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.AppHost.Hosting;

/// <summary>
/// Health checks that notice readiness within a tenth of a second. Aspire checks a resource that is not healthy yet
/// again after 1, 2, 3, 4, then every 5 seconds, so a server ready just after a failed check waits seconds to be seen,
/// and the resources that WaitFor it wait with it: on the platform's chain (RabbitMQ → four services → gateway) that
/// was most of a warm start. Here each check keeps probing every 100 ms for up to five seconds (Aspire's longest pause)
/// and answers as soon as the probe succeeds; a healthy resource answers at the first probe.
/// </summary>
internal static class PolledHealthChecks
{
    internal static readonly TimeSpan Window = TimeSpan.FromSeconds(5);
    internal static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    public static IHealthChecksBuilder AddPolledCheck(this IHealthChecksBuilder builder, string name,
        Func<CancellationToken, Task<HealthCheckResult>> probe) =>
        builder.Add(new HealthCheckRegistration(name, services => new PolledCheck(probe, services.GetService<TimeProvider>() ?? TimeProvider.System),
            failureStatus: null, tags: null));

    public static IHealthChecksBuilder AddPolledCheck(this IHealthChecksBuilder builder, string name,
        Func<CancellationToken, Task<bool>> probe, string unhealthyDescription) =>
        builder.AddPolledCheck(name, async ct => await probe(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(unhealthyDescription));

    /// <summary>Probes until healthy or until the window has passed; the last probe's result is the answer.</summary>
    internal static async Task<HealthCheckResult> PollAsync(Func<CancellationToken, Task<HealthCheckResult>> probe, TimeProvider time,
        TimeSpan window, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var result = await probe(cancellationToken);
            if (result.Status == HealthStatus.Healthy || time.GetElapsedTime(started) + Interval >= window) return result;
            await Task.Delay(Interval, time, cancellationToken);
        }
    }

    private sealed class PolledCheck(Func<CancellationToken, Task<HealthCheckResult>> probe, TimeProvider time) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            PollAsync(probe, time, Window, cancellationToken);
    }
}
