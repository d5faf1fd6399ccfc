using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests.Telemetry;

public sealed class OtlpExportTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Traces_and_logs_reach_an_otlp_http_endpoint_with_the_configured_headers()
    {
        var received = new ConcurrentQueue<(string Path, string? Header)>();
        var collectorBuilder = WebApplication.CreateSlimBuilder();
        collectorBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var collector = collectorBuilder.Build();
        collector.Run(context =>
        {
            received.Enqueue((context.Request.Path.Value!, context.Request.Headers["x-platform-resource"].ToString()));
            context.Response.ContentType = "application/x-protobuf";
            return Task.CompletedTask;
        });
        await collector.StartAsync(Cancel);

        var configuration = TestApp.WithKey(TestKeys.NewSigningKey());
        configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Urls.First();
        configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        configuration["OTEL_EXPORTER_OTLP_HEADERS"] = "x-platform-resource=events";
        configuration["OTEL_SERVICE_NAME"] = "events";
        // Short batches (read from configuration, as the AppHost sets them) so the test need not wait 5 s.
        configuration["OTEL_BSP_SCHEDULE_DELAY"] = "100";
        configuration["OTEL_BLRP_SCHEDULE_DELAY"] = "100";

        await using var app = await TestApp.StartAsync(a => a.MapGet("/ping", (ILogger<OtlpExportTests> log) =>
        {
            log.LogInformation("ping handled");
            return "pong";
        }), configuration);
        using (var response = await app.GetTestClient().GetAsync("/ping", Cancel))
        {
            response.EnsureSuccessStatusCode();
        }

        // TestServer returns the response before the server span ends, so wait for the batch rather than
        // rely on the flush at disposal.
        for (var i = 0; i < 100 && !(received.Any(r => r.Path == "/v1/traces") && received.Any(r => r.Path == "/v1/logs")); i++)
        {
            await Task.Delay(50, Cancel);
        }

        Assert.Contains(received, r => r.Path == "/v1/traces" && r.Header == "events");
        Assert.Contains(received, r => r.Path == "/v1/logs" && r.Header == "events");
    }
}
