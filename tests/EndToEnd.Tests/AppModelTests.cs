using System.Net.Http.Json;
using System.Text.Json;
using Platform.AppHost.Hosting;
using Platform.AppHost.Hosting.Resources;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Each project gets exactly the environment an Aspire AppHost would give it (design.md), so it would run unchanged
/// under a real one. Read off the started platform's model.
/// </summary>
public sealed class AppModelTests(PlatformFixture platform)
{
    private DistributedApplication App => platform.App;

    [Theory]
    [InlineData("events", "eventsdb")]
    [InlineData("volunteers", "volunteersdb")]
    [InlineData("awards", "awardsdb")]
    [InlineData("notifications", "notificationsdb")]
    public void Each_service_gets_its_own_database_the_broker_and_the_token_key(string service, string database)
    {
        var environment = ((ProjectResource)App.GetResource(service)).BuildEnvironment(App.Options);

        Assert.Equal(App.GetConnectionString(database), environment[$"ConnectionStrings__{database}"]);
        Assert.Contains($"Database={database}", environment[$"ConnectionStrings__{database}"]);
        Assert.StartsWith("amqp://", environment["ConnectionStrings__messaging"]);
        Assert.DoesNotContain("guest", environment["ConnectionStrings__messaging"]);
        Assert.Equal(service, environment["OTEL_SERVICE_NAME"]);
        Assert.StartsWith("http://127.0.0.1:", environment["ASPNETCORE_URLS"]);
        Assert.Equal("Development", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.False(string.IsNullOrEmpty(environment["InternalToken__SigningKey"]));
        // No service is handed another's database.
        Assert.Single(environment.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && k.EndsWith("db", StringComparison.Ordinal));
    }

    [Fact]
    public void The_gateway_finds_every_service_through_discovery_configuration()
    {
        var environment = ((ProjectResource)App.GetResource("gateway")).BuildEnvironment(App.Options);
        foreach (var service in new[] { "events", "volunteers", "awards", "notifications" })
            Assert.Equal(((ProjectResource)App.GetResource(service)).HttpEndpoint.ToString().TrimEnd('/'), environment[$"services__{service}__http__0"]);
        // Only its own database (accounts and API keys); no service's.
        Assert.Equal(["ConnectionStrings__gatewaydb"], environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_dashboard_lists_every_resource_with_state_health_and_urls_and_receives_telemetry()
    {
        var resources = await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/resources", TestContext.Current.CancellationToken);
        var byName = resources.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(App.Resources.Select(r => r.Name).Order(), byName.Keys.Order());
        Assert.All(byName.Values, r => Assert.Equal("Running", r.GetProperty("state").GetString()));
        Assert.Equal("Healthy", byName["gateway"].GetProperty("health").GetString());
        Assert.StartsWith("http://127.0.0.1:", byName["gateway"].GetProperty("urls")[0].GetString());
        Assert.True(byName["messaging"].GetProperty("pid").GetInt32() > 0);

        // Projects export OTLP to the dashboard; give their exporters a moment after start.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var events = await platform.Dashboard.GetFromJsonAsync<JsonElement>("/api/resources/events", TestContext.Current.CancellationToken);
            if (events.GetProperty("telemetry").ValueKind == JsonValueKind.Object) break;
            Assert.True(DateTime.UtcNow < deadline, "no telemetry reached the dashboard from 'events'");
            await Task.Delay(500, TestContext.Current.CancellationToken);
        }

        var page = await platform.Dashboard.GetStringAsync("/", TestContext.Current.CancellationToken);
        Assert.Contains("/api/resources", page);
    }

    [Fact]
    public async Task Every_resource_is_running_and_healthy_and_each_service_reports_database_and_broker()
    {
        Assert.All(App.Resources, r => Assert.True(r.Status.IsRunningAndHealthy, $"{r.Name} is {r.Status.State} {r.Status.Health}"));
        foreach (var service in new[] { "events", "volunteers", "awards", "notifications" })
        {
            using var http = App.CreateHttpClient(service);
            var health = await http.GetFromJsonAsync<JsonElement>("/health", TestContext.Current.CancellationToken);
            Assert.Equal("Healthy", health.GetProperty("status").GetString());
            var checks = health.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
            Assert.Equal("Healthy", checks[$"{service}db"]);
            Assert.Equal("Healthy", checks["messaging"]);
            using var alive = await http.GetAsync("/alive", TestContext.Current.CancellationToken);
            Assert.True(alive.IsSuccessStatusCode);
        }
    }
}
