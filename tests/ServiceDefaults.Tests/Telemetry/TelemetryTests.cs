using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests.Telemetry;

public sealed class TelemetryTests
{
    [Fact]
    public async Task Without_an_otlp_endpoint_nothing_listens()
    {
        await using var app = await TestApp.StartAsync(_ => { }, TestApp.WithKey(TestKeys.NewSigningKey()));

        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task With_an_otlp_endpoint_the_resource_has_the_otel_service_name_and_resource_attributes()
    {
        var configuration = TestApp.WithKey(TestKeys.NewSigningKey());
        // Nothing listens there; exports fail quietly, which is what a service must survive anyway.
        configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9";
        configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        configuration["OTEL_SERVICE_NAME"] = "events";
        configuration["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=test";

        await using var app = await TestApp.StartAsync(_ => { }, configuration);

        var resource = app.Services.GetRequiredService<TracerProvider>().GetResource().Attributes.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal("events", resource["service.name"]);
        Assert.Equal("test", resource["deployment.environment"]);
    }
}
