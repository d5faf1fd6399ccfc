using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Platform.EndToEnd.Tests.Faults;

namespace Platform.EndToEnd.Tests.Replicas;

/// <summary>
/// The copies of a project on a platform started with <c>--replicas N</c>, each by its DCP name (e.g. "events-abcd1234"),
/// and each at its own port behind DCP's proxy. Aspire's waits match a resource's name, never a copy's (a wait for a
/// copy's name never ends), so every wait here matches the copy's id and ends at a deadline with what it last saw.
/// </summary>
internal static class Copies
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The project's copies (as many as it was given, in a stable order), read from the states the platform reports.</summary>
    public static async Task<IReadOnlyList<string>> OfAsync(DistributedApplication app, string project)
    {
        var expected = app.Resource<ProjectResource>(project).TryGetLastAnnotation<ReplicaAnnotation>(out var replicas) ? replicas.Replicas : 1;
        var copies = new SortedSet<string>(StringComparer.Ordinal);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            // The first events replay every resource's current state: every copy that exists is among them.
            await foreach (var e in app.ResourceNotifications.WatchAsync(deadline.Token))
            {
                if (e.Resource.Name == project && copies.Add(e.ResourceId) && copies.Count == expected) break;
            }
        }
        catch (OperationCanceledException) when (!Cancel.IsCancellationRequested) { }

        Assert.True(copies.Count == expected, $"{project}: {copies.Count} copies reported of {expected} ({string.Join(", ", copies)})");
        return [.. copies];
    }

    /// <summary>Waits until the copy's state satisfies <paramref name="done"/>; fails saying <paramref name="what"/> and the last state seen.</summary>
    public static async Task<ResourceEvent> WaitForAsync(DistributedApplication app, string copy, Func<ResourceEvent, bool> done, string what, TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        deadline.CancelAfter(timeout);
        try
        {
            // The first events replay every resource's current state, so a copy already there ends the wait at once.
            await foreach (var e in app.ResourceNotifications.WatchAsync(deadline.Token))
            {
                if (e.ResourceId == copy && done(e)) return e;
            }
        }
        catch (OperationCanceledException) when (!Cancel.IsCancellationRequested) { }

        app.ResourceNotifications.TryGetCurrentState(copy, out var last);
        Assert.Fail($"{copy} not {what} within {timeout}: last {last?.Snapshot.State?.Text ?? "(no state)"}, pid {(last is null ? null : FaultLoad.PidOf(last.Snapshot))}");
        return null!;
    }

    public static Task<ResourceEvent> WaitUntilRunningAsync(DistributedApplication app, string copy, TimeSpan timeout) =>
        WaitForAsync(app, copy, e => e.Snapshot.State?.Text == KnownResourceStates.Running, "running", timeout);

    /// <summary>
    /// Waits until the copy answers 200 on its own /health (Running only means its process started: a copy started
    /// again after a kill, or late among its peers, listens some seconds later).
    /// </summary>
    public static async Task WaitUntilHealthyAsync(DistributedApplication app, string copy, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var health = new Uri(AddressOf(app, copy), "/health");
                using var answer = await client.GetAsync(health, Cancel);
                if (answer.StatusCode == System.Net.HttpStatusCode.OK) return;
                last = $"{health}: {(int)answer.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !Cancel.IsCancellationRequested)
            {
                last = e.Message;
            }

            await Task.Delay(500, Cancel);
        }

        Assert.Fail($"{copy} did not answer 200 on its own /health within {timeout}: {last}");
    }

    /// <summary>The copy's own address (not the proxy's), from the port the platform gave its process.</summary>
    public static Uri AddressOf(DistributedApplication app, string copy)
    {
        Assert.True(app.ResourceNotifications.TryGetCurrentState(copy, out var state), $"{copy} has no state");
        // The process's own environment is the ground truth; the snapshot's is what DCP reports of it.
        var environment = FaultLoad.PidOf(state.Snapshot) is { } pid && ProcessEnvironment(pid) is { Count: > 0 } actual
            ? actual
            : state.Snapshot.EnvironmentVariables.Where(v => v.Value is not null).GroupBy(v => v.Name).ToDictionary(g => g.Key, g => g.First().Value!);
        if (environment.TryGetValue("ASPNETCORE_URLS", out var urls) && urls.Split(';')[0] is { Length: > 0 } first)
            return new Uri(first.Replace("://+", "://127.0.0.1", StringComparison.Ordinal).Replace("://*", "://127.0.0.1", StringComparison.Ordinal));
        if (environment.TryGetValue("HTTP_PORTS", out var ports)) return new Uri($"http://127.0.0.1:{ports.Split(';')[0]}");
        Assert.Fail($"{copy}: neither ASPNETCORE_URLS nor HTTP_PORTS in its environment ({string.Join(", ", environment.Keys.Order())})");
        return null!;
    }

    /// <summary>
    /// Moves a service's adjustable clock forward on every copy named (each keeps its own in memory), to one time:
    /// each ends at the furthest copy's time plus <paramref name="by"/>, so a copy started afresh after a kill catches up.
    /// </summary>
    public static async Task AdvanceClocksAsync(PlatformFixture platform, string service, TimeSpan by, IEnumerable<string>? copies = null)
    {
        var offsets = new List<(string Copy, TimeSpan Offset)>();
        foreach (var copy in copies ?? await OfAsync(platform.App, service))
            offsets.Add((copy, TimeSpan.Parse((await ClockAsync(platform, service, copy, HttpMethod.Get, null)).GetProperty("offset").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        var target = offsets.Max(o => o.Offset) + by;
        foreach (var (copy, offset) in offsets) await ClockAsync(platform, service, copy, HttpMethod.Post, new { advanceBy = target - offset });
    }

    private static async Task<JsonElement> ClockAsync(PlatformFixture platform, string service, string copy, HttpMethod method, object? body)
    {
        using var client = new HttpClient { BaseAddress = AddressOf(platform.App, copy), Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(method, "/testing/clock") { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", platform.InternalStaffToken(service));
        using var response = await client.SendAsync(request, Cancel);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, $"{method} {copy}'s clock: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static Dictionary<string, string> ProcessEnvironment(int pid)
    {
        string environ;
        try { environ = File.ReadAllText($"/proc/{pid}/environ"); }
        catch (IOException) { return []; }
        catch (UnauthorizedAccessException) { return []; }
        return environ.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1]);
    }
}
