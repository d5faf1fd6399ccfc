using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Resources;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests.Telemetry;

public sealed class TelemetryTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Server_spans_carry_method_route_path_and_status()
    {
        var marker = "/items/" + Guid.NewGuid();
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await using var app = await TestApp.StartAsync(
            a => a.MapGet("/items/{id}", (string id) => TypedResults.Ok(id)), TestApp.WithKey(TestKeys.NewSigningKey()));
        using var response = await app.GetTestClient().GetAsync(marker, Cancel);

        // The hosting activity stops after the response is handed back to the client.
        Activity? span = null;
        for (var i = 0; i < 50 && span is null; i++)
        {
            span = stopped.FirstOrDefault(a => (string?)a.GetTagItem("url.path") == marker);
            if (span is null)
            {
                await Task.Delay(20, Cancel);
            }
        }

        Assert.NotNull(span);
        Assert.Equal("GET", span.GetTagItem("http.request.method"));
        Assert.Equal("/items/{id}", span.GetTagItem("http.route"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
    }

    [Fact]
    public async Task Without_an_otlp_endpoint_no_sdk_is_built()
    {
        await using var app = await TestApp.StartAsync(_ => { }, TestApp.WithKey(TestKeys.NewSigningKey()));

        Assert.Null(app.Services.GetService<OpenTelemetrySdk>());
    }

    [Fact]
    public async Task With_an_otlp_endpoint_the_sdk_uses_the_otel_service_name_and_resource_attributes()
    {
        var configuration = TestApp.WithKey(TestKeys.NewSigningKey());
        // Nothing listens there; exports fail quietly, which is what a service must survive anyway.
        configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9";
        configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        configuration["OTEL_SERVICE_NAME"] = "events";
        configuration["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=test,team=safer%20communities";

        await using var app = await TestApp.StartAsync(_ => { }, configuration);

        var sdk = app.Services.GetRequiredService<OpenTelemetrySdk>();
        var resource = sdk.TracerProvider.GetResource().Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal("events", resource["service.name"]);
        Assert.Equal("test", resource["deployment.environment"]);
        Assert.Equal("safer communities", resource["team"]);
        Assert.Contains(app.Services.GetServices<ILoggerProvider>(), p => p.GetType().Name == "OpenTelemetryLoggerBridge");
    }
}
