using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.AppHost.Hosting.ApplicationModel;

namespace Platform.AppHost.Hosting.Dashboard;

/// <summary>
/// The AppHost's dashboard: a self-refreshing page of every resource, each resource's live console, resource
/// commands, GET /api/resources as JSON, and an OTLP/HTTP endpoint the projects export telemetry to.
/// </summary>
internal sealed class DashboardHost(DistributedApplication app, Uri url) : IAsyncDisposable
{
    private WebApplication? _web;
    private readonly ConcurrentDictionary<string, TelemetryCounts> _telemetry = new(StringComparer.OrdinalIgnoreCase);

    public Uri Url { get; private set; } = url;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Url.ToString());
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        _web = builder.Build();
        Map(_web);
        await _web.StartAsync(cancellationToken);
        Url = new Uri(_web.Urls.First());
    }

    private void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", () => Results.Content(Page.Value, "text/html; charset=utf-8"));
        routes.MapGet("/api/resources", () => app.Resources.Select(Describe));
        routes.MapGet("/api/resources/{name}", (string name) =>
            Find(name) is { } r ? Results.Ok(Describe(r)) : Results.Problem(statusCode: 404, title: $"No resource named '{name}'."));
        routes.MapGet("/api/resources/{name}/logs", (string name, long? after) =>
            Find(name) is { } r ? Results.Ok(r.Status.Logs.After(after ?? 0)) : Results.Problem(statusCode: 404, title: $"No resource named '{name}'."));
        routes.MapPost("/api/resources/{name}/{command}", async (string name, string command) =>
        {
            if (Find(name) is null) return Results.Problem(statusCode: 404, title: $"No resource named '{name}'.");
            switch (command)
            {
                case "stop": await app.StopResourceAsync(name); break;
                case "start": _ = app.StartResourceAsync(name); break;
                case "restart": await app.StopResourceAsync(name); _ = app.StartResourceAsync(name); break;
                default: return Results.Problem(statusCode: 404, title: $"Unknown command '{command}'; use stop, start or restart.");
            }
            return Results.Accepted();
        });
        var deadLetters = new DeadLetterConsole(app);
        routes.MapGet("/api/dead-letters", (CancellationToken ct) => deadLetters.ListAsync(ct));
        routes.MapPost("/api/dead-letters/{service}/{queue}/replay", async (string service, string queue, string? messageId, CancellationToken ct) =>
            await deadLetters.ReplayAsync(service, queue, messageId, ct) is { } result
                ? Results.Content(result.Body, "application/json", statusCode: result.Status)
                : Results.Problem(statusCode: 404, title: $"No messaging service named '{service}'."));
        // OTLP/HTTP: the projects' exporters post here. The dashboard keeps per-resource counts of what arrived
        // (enough to see that telemetry flows); a full trace viewer is out of scope.
        routes.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            var resource = request.Headers["x-platform-resource"].FirstOrDefault() ?? "unknown";
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            _telemetry.GetOrAdd(resource, _ => new TelemetryCounts()).Add(signal, body.Length);
            return Results.Bytes([], "application/x-protobuf");
        });
    }

    private Resource? Find(string name) => app.Resources.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    private object Describe(Resource resource)
    {
        var status = resource.Status;
        var uptime = status.State == ResourceState.Running && status.StartedAt is { } started ? DateTimeOffset.UtcNow - started : (TimeSpan?)null;
        return new
        {
            resource.Name,
            resource.Type,
            State = status.State.ToString(),
            Health = status.Health?.ToString(),
            resource.Urls,
            status.Pid,
            status.StartedAt,
            UptimeSeconds = uptime is { } u ? Math.Round(u.TotalSeconds) : (double?)null,
            status.ExitCode,
            status.Reason,
            WaitsFor = resource.WaitsFor.Select(w => w.Name),
            Telemetry = _telemetry.TryGetValue(resource.Name, out var counts) ? counts.Snapshot() : null,
        };
    }

    private static readonly Lazy<string> Page = new(() =>
    {
        using var stream = typeof(DashboardHost).Assembly.GetManifestResourceStream("dashboard.html")!;
        return new StreamReader(stream).ReadToEnd();
    });

    public async ValueTask DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(2)).Token);
            await _web.DisposeAsync();
        }
    }

    private sealed class TelemetryCounts
    {
        private readonly ConcurrentDictionary<string, (long Batches, long Bytes, DateTimeOffset Last)> _signals = new();

        public void Add(string signal, long bytes) =>
            _signals.AddOrUpdate(signal, _ => (1, bytes, DateTimeOffset.UtcNow), (_, c) => (c.Batches + 1, c.Bytes + bytes, DateTimeOffset.UtcNow));

        public object Snapshot() => _signals.ToDictionary(s => s.Key, s => new { s.Value.Batches, s.Value.Bytes, s.Value.Last });
    }
}
