using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Platform.AppHost.Hosting;

/// <summary>
/// What the person who ran `./platform up` needs to read: when everything is Running and Healthy, where the gateway
/// and the dashboard (with its login token) are, the first staff password on the run that generated it; afterwards,
/// any resource that stops or fails (the dashboard has its console log; services waiting for it keep waiting).
/// </summary>
internal sealed class StartupReport(
    ResourceNotificationService notifications, DistributedApplicationModel model, IConfiguration configuration, DataFolder data,
    TimeProvider time)
{
    private static readonly string[] Ended = [KnownResourceStates.Exited, KnownResourceStates.Finished, KnownResourceStates.FailedToStart];

    /// <summary>Runs beside Aspire's own start (which returns only once the resources are created, not healthy).</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        var watched = model.Resources.Where(r => r is not ParameterResource && r.Name != "aspire-dashboard").ToList();
        var crashes = WatchForCrashesAsync(started, stoppingToken);
        try
        {
            await Task.WhenAll(watched.Select(async r =>
            {
                // Aspire's own helpers (a project's rebuilder) are hidden and never run unless asked to.
                var first = await notifications.WaitForResourceAsync(r.Name, _ => true, stoppingToken);
                if (!first.Snapshot.IsHidden) await notifications.WaitForResourceHealthyAsync(r.Name, stoppingToken);
            }));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine($"All resources Running and Healthy in {time.GetElapsedTime(started).TotalSeconds:0.0} s.");
        if (model.Resources.OfType<ProjectResource>().FirstOrDefault(p => p.Name == "gateway") is { } gateway)
            Console.WriteLine($"Gateway:   {gateway.GetEndpoint("http").Url}");
        var dashboard = configuration["ASPNETCORE_URLS"]?.Split(';')[0].TrimEnd('/');
        var token = configuration["AppHost:BrowserToken"];
        Console.WriteLine(token is null ? $"Dashboard: {dashboard}" : $"Dashboard: {dashboard}/login?t={token}");
        foreach (var (name, value) in data.Secrets.TakeNewSecretsToShow())
            Console.WriteLine($"{name}: {value}   (generated now and shown once; kept in {Path.Combine(data.Path, "secrets.json")})");
        Console.WriteLine("Press Ctrl+C to stop.");
        await crashes;
    }

    /// <summary>
    /// Each resource's state and health as they change (the dashboard shows more), and any crash, with the seconds since
    /// the start (where a slow start spends its time).
    /// </summary>
    private async Task WatchForCrashesAsync(long started, CancellationToken stoppingToken)
    {
        var last = new Dictionary<string, string>();
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                if (update.Resource is ParameterResource || update.Snapshot.IsHidden) continue;
                var state = update.Snapshot.State?.Text ?? "";
                var shown = state == KnownResourceStates.Running && update.Snapshot.HealthStatus is { } health ? $"{state} ({health})" : state;
                if (shown.Length == 0 || (last.TryGetValue(update.ResourceId, out var before) && before == shown)) continue;
                last[update.ResourceId] = shown;
                var ended = Ended.Contains(state) && !(state == KnownResourceStates.Finished && update.Snapshot.ExitCode == 0);
                Console.WriteLine($"  {time.GetElapsedTime(started).TotalSeconds,6:0.0} s  {update.Resource.Name,-16} {shown}" + (update.Snapshot.ExitCode is int code ? $" (exit code {code})" : "") +
                    (ended ? ": its console log is in the dashboard; what waits for it keeps waiting until it is started again" : ""));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
