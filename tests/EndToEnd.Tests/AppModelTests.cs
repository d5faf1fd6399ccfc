using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Platform.EndToEnd.Tests.Gateway;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// Each project gets the environment Aspire gives it (design.md), read off the started platform's model; the dashboard
/// shows every resource Running and Healthy and lets nobody in without its login token.
/// </summary>
public sealed class AppModelTests(PlatformFixture platform)
{
    private DistributedApplication App => platform.App;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>What the project's process was really given: its environment in /proc (DCP starts it with `dotnet run`,
    /// whose children inherit it).</summary>
    private Task<Dictionary<string, string>> EnvironmentOfAsync(string project)
    {
        Assert.True(App.ResourceNotifications.TryGetCurrentState(project, out var current), $"{project} has no state");
        var pid = current.Snapshot.Properties.Single(p => p.Name == "executable.pid").Value;
        var environ = File.ReadAllText($"/proc/{pid}/environ");
        return Task.FromResult(environ.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => v.Split('=', 2)).Where(v => v.Length == 2).GroupBy(v => v[0]).ToDictionary(g => g.Key, g => g.Last()[1]));
    }

    [Theory]
    [InlineData("events", "eventsdb")]
    [InlineData("volunteers", "volunteersdb")]
    [InlineData("awards", "awardsdb")]
    [InlineData("notifications", "notificationsdb")]
    public async Task Each_service_gets_its_own_database_the_broker_and_the_token_key(string service, string database)
    {
        var environment = await EnvironmentOfAsync(service);

        Assert.Equal(App.GetConnectionString(database), environment[$"ConnectionStrings__{database}"]);
        Assert.Contains($"Database={database}", environment[$"ConnectionStrings__{database}"]);
        Assert.StartsWith("amqp://", environment["ConnectionStrings__messaging"]);
        Assert.DoesNotContain("guest", environment["ConnectionStrings__messaging"]);
        // Each connects as itself: the database's owning login and the service's own broker login, never the superuser or administrator.
        Assert.Contains($"Username={database};", environment[$"ConnectionStrings__{database}"]);
        Assert.StartsWith($"amqp://{service}:", environment["ConnectionStrings__messaging"]);
        Assert.Equal(service, environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("Development", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.StartsWith("http://127.0.0.1:", environment["ASPNETCORE_URLS"]);
        Assert.StartsWith("http://", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        // Only the public half of the gateway's key: a service that leaks its environment leaks nothing that can sign.
        Assert.NotNull(Platform.ServiceDefaults.Identity.InternalTokenKeys.TryImportPublic(environment["InternalToken__PublicKey"]));
        Assert.DoesNotContain(environment.Keys, k => k.StartsWith("InternalToken__SigningKey", StringComparison.Ordinal));
        Assert.DoesNotContain(environment.Values, v => v == platform.Secret("internal-token-key-private"));
        // No service is handed another's database.
        Assert.Single(environment.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) && k.EndsWith("db", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_gateway_finds_every_service_through_discovery_configuration()
    {
        var environment = await EnvironmentOfAsync("gateway");
        foreach (var service in new[] { "events", "volunteers", "awards", "notifications" })
            Assert.Equal(App.Resource<ProjectResource>(service).GetEndpoint("http").Url, environment[$"services__{service}__http__0"]);
        // The one process that signs internal tokens.
        Assert.NotNull(Platform.ServiceDefaults.Identity.InternalTokenKeys.TryImportPrivate(environment["InternalToken__SigningKey"]));
        // Only its own database (accounts and API keys), no service's, and the broker as itself (it publishes account emails' events).
        Assert.Equal(["ConnectionStrings__gatewaydb", "ConnectionStrings__messaging"],
            environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.StartsWith("amqp://gateway:", environment["ConnectionStrings__messaging"]);
    }

    [Fact]
    public async Task Every_resource_is_running_and_healthy_and_each_service_reports_database_and_broker()
    {
        foreach (var resource in App.Model().Resources.Where(r => r is not ParameterResource))
        {
            if (App.ResourceNotifications.TryGetCurrentState(resource.Name, out var current) && current.Snapshot.IsHidden) continue;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await App.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, timeout.Token);
        }
        foreach (var service in new[] { "events", "volunteers", "awards", "notifications" })
        {
            using var http = App.CreateHttpClient(service);
            // /health answers 200 for Degraded too, which is what Aspire's HTTP health check goes by, so a service can count
            // as healthy while one of its checks is still Degraded (seen right after start): give it a minute to settle.
            var health = await http.GetFromJsonAsync<JsonElement>("/health", Cancel);
            for (var wait = Stopwatch.StartNew(); health.GetProperty("status").GetString() != "Healthy" && wait.Elapsed < TimeSpan.FromSeconds(60);)
            {
                await Task.Delay(500, Cancel);
                health = await http.GetFromJsonAsync<JsonElement>("/health", Cancel);
            }
            Assert.Equal("Healthy", health.GetProperty("status").GetString());
            var checks = health.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
            Assert.Equal("Healthy", checks[$"{service}db"]);
            Assert.Equal("Healthy", checks["messaging"]);
            using var alive = await http.GetAsync("/alive", Cancel);
            Assert.True(alive.IsSuccessStatusCode);
        }
    }

    [Fact]
    public async Task The_dashboard_refuses_a_request_without_its_login_token_and_admits_one_with_it()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = platform.DashboardUrl };
        using var refused = await anonymous.GetAsync("/", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/login", refused.Headers.Location!.OriginalString.Replace(platform.DashboardUrl.ToString().TrimEnd('/'), "", StringComparison.Ordinal));
        using var wrong = await anonymous.GetAsync("/login?t=not-the-token", Cancel);
        // A wrong token gets no session cookie.
        var wrongCookies = wrong.Headers.TryGetValues("Set-Cookie", out var set) ? set : [];
        Assert.DoesNotContain(wrongCookies, c => c.Contains(".Aspire.Dashboard.Auth", StringComparison.Ordinal));

        Assert.NotEmpty(platform.DashboardToken);
        using var admitted = await anonymous.GetAsync($"/login?t={platform.DashboardToken}", Cancel);
        Assert.Contains(admitted.Headers.GetValues("Set-Cookie"), c => c.Contains(".Aspire.Dashboard.Auth", StringComparison.Ordinal));
    }
}
