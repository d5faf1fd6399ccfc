using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests.Telemetry;

/// <summary>A service built with AddServiceDefaults against a real OTLP/HTTP endpoint, as the AppHost configures it.</summary>
public sealed class OtlpExportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Traces_metrics_and_logs_reach_an_otlp_endpoint_and_server_spans_carry_route_method_and_status()
    {
        var received = new ConcurrentQueue<(string Path, string? Header, byte[] Body)>();
        var collectorBuilder = WebApplication.CreateSlimBuilder();
        collectorBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var collector = collectorBuilder.Build();
        collector.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.Enqueue((context.Request.Path.Value!, context.Request.Headers["x-platform-resource"].ToString(), body.ToArray()));
            context.Response.ContentType = "application/x-protobuf";
        });
        await collector.StartAsync(Cancel);

        var configuration = TestApp.WithKey(TestKeys.NewSigningKey());
        configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Urls.First();
        configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        configuration["OTEL_EXPORTER_OTLP_HEADERS"] = "x-platform-resource=events";
        configuration["OTEL_SERVICE_NAME"] = "events";
        // Short intervals (read from configuration, as the AppHost sets them) so the test need not wait seconds.
        configuration["OTEL_BSP_SCHEDULE_DELAY"] = "100";
        configuration["OTEL_BLRP_SCHEDULE_DELAY"] = "100";
        configuration["OTEL_METRIC_EXPORT_INTERVAL"] = "200";

        await using var app = await TestApp.StartAsync(a => a.MapGet("/items/{id}", (string id, ILogger<OtlpExportTests> log) =>
        {
            log.LogInformation("item {Id} handled", id);
            return id == "missing" ? Results.NotFound() : Results.Ok(id);
        }), configuration);
        var client = app.GetTestClient();
        using (var found = await client.GetAsync("/items/42", Cancel))
        using (var missing = await client.GetAsync("/items/missing", Cancel))
        using (var probe = await client.GetAsync("/alive", Cancel))
        {
            found.EnsureSuccessStatusCode();
        }

        OtlpProtobuf.Span[] ServerSpans() => [.. received.Where(r => r.Path == "/v1/traces")
            .SelectMany(r => OtlpProtobuf.Spans(r.Body)).Where(s => s.Kind == OtlpProtobuf.ServerKind)];
        bool MetricReceived() => received.Where(r => r.Path == "/v1/metrics")
            .SelectMany(r => OtlpProtobuf.MetricNames(r.Body)).Contains("http.server.request.duration");

        // TestServer answers before the server span ends, so wait for the batches rather than rely on the flush at disposal.
        // For the two spans asserted on, not for a count: listeners are process-wide, so this app also exports the spans
        // of other tests' apps running beside it (CI once had two such before "/items/missing").
        bool BothSpans() => new[] { "/items/42", "/items/missing" }.All(path => ServerSpans().Any(s => Equals(s.Attributes.GetValueOrDefault("url.path"), path)));
        for (var i = 0; i < 200 && !(BothSpans() && MetricReceived() && received.Any(r => r.Path == "/v1/logs")); i++)
        {
            await Task.Delay(50, Cancel);
        }

        var spans = ServerSpans();
        var ok = Assert.Single(spans, s => Equals(s.Attributes.GetValueOrDefault("url.path"), "/items/42"));
        Assert.Equal("GET /items/{id}", ok.Name);
        Assert.Equal("GET", ok.Attributes["http.request.method"]);
        Assert.Equal("/items/{id}", ok.Attributes["http.route"]);
        Assert.Equal(200L, ok.Attributes["http.response.status_code"]);
        var notFound = Assert.Single(spans, s => Equals(s.Attributes.GetValueOrDefault("url.path"), "/items/missing"));
        Assert.Equal(404L, notFound.Attributes["http.response.status_code"]);
        // Probes are not exported: they would bury real traffic.
        Assert.DoesNotContain(spans, s => Equals(s.Attributes.GetValueOrDefault("url.path"), "/alive"));

        Assert.True(MetricReceived(), "no http.server.request.duration metric was exported");
        Assert.Contains(received, r => r.Path == "/v1/logs" && r.Header == "events");
        Assert.All(received, r => Assert.Equal("events", r.Header));
    }
}
