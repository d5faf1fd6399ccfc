using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.ServiceDefaults.Health;
using Platform.ServiceDefaults.Tests.Support;

namespace Platform.ServiceDefaults.Tests.Health;

public sealed class HealthEndpointTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_reports_a_failing_dependency_while_alive_stays_healthy()
    {
        await using var app = await TestApp.StartAsync(_ => { }, TestApp.WithKey(TestKeys.NewSigningKey()),
            environment: "Production",
            configureServices: services => services.AddHealthChecks()
                .AddCheck("eventsdb", () => HealthCheckResult.Unhealthy("Connection refused")));
        var client = app.GetTestClient();

        using var health = await client.GetAsync("/health", Cancel);
        using var alive = await client.GetAsync("/alive", Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
        var database = report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "eventsdb");
        Assert.Equal("Connection refused", database.GetProperty("description").GetString());

        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        var liveness = JsonDocument.Parse(await alive.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal("self", Assert.Single(liveness.GetProperty("checks").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Status_only_health_names_no_check_and_no_error()
    {
        await using var app = await TestApp.StartAsync(_ => { }, TestApp.WithKey(TestKeys.NewSigningKey()),
            environment: "Production",
            configureServices: services => services.AddHealthChecks()
                .AddCheck("eventsdb", () => HealthCheckResult.Unhealthy("Connection refused", new InvalidOperationException("password authentication failed"))),
            health: HealthDetail.StatusOnly);
        var client = app.GetTestClient();

        using var health = await client.GetAsync("/health", Cancel);
        var body = await health.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
        Assert.Single(JsonDocument.Parse(body).RootElement.EnumerateObject());
        Assert.DoesNotContain("eventsdb", body);
        Assert.DoesNotContain("refused", body);
        Assert.DoesNotContain("password", body);
    }
}
