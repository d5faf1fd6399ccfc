using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.EndToEnd.Tests.Events;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// The services' telemetry reaches the Aspire dashboard over OTLP: one registration, from the gateway through Events,
/// RabbitMQ and Notifications to the SMTP sink, is one trace there (read back through the dashboard's telemetry API).
/// </summary>
public sealed class TraceTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_registration_crossing_gateway_events_broker_notifications_and_smtp_is_one_trace_in_the_dashboard()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var email = Addresses.Unique("traced");
        var e = await platform.PublishEventAsync(capacity: 100, workshopCapacities: [20]);
        // The test starts the trace itself, as a partner's system would, so it can ask the dashboard for that one trace:
        // by the time it asks, the suite's fan-outs have left thousands of newer Notifications traces.
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/events/{e.Id}/registrations")
        {
            Content = JsonContent.Create(new
            {
                name = "Tracy Traced", email, organisation = "Northshire Council", sector = "Council", role = "Analyst",
                consentToDelegateList = false, choices = new[] { e.Workshops[0] },
            }),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        using var registered = await platform.Gateway.SendAsync(request, cancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.Created, registered.StatusCode);
        await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(email), TimeSpan.FromSeconds(60));

        var apiKey = platform.App.Services.GetRequiredService<IConfiguration>()["AppHost:DashboardApiKey"];
        using var dashboard = new HttpClient { BaseAddress = platform.DashboardUrl };
        dashboard.DefaultRequestHeaders.Add("x-api-key", apiKey);
        using (var refused = await new HttpClient { BaseAddress = platform.DashboardUrl }.GetAsync("/api/telemetry/traces", cancellationToken))
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);

        string[] crossing = ["gateway", "events", "notifications"];
        // Spans reach the dashboard in batches, each service's on its own schedule: wait for all of them.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var seen = "nothing";
        while (true)
        {
            using var answer = await dashboard.GetAsync($"/api/telemetry/traces/{traceId}", cancellationToken);
            // 404 until the first span of the trace has arrived; the API answered 500 once while it ingested a burst.
            if (answer.IsSuccessStatusCode)
            {
                var services = ServicesPerTrace(await answer.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
                var ours = services.GetValueOrDefault(traceId.ToHexString()) ?? [];
                if (crossing.All(ours.Contains)) return;
                seen = string.Join("+", ours.Order());
            }
            else seen = $"HTTP {(int)answer.StatusCode}";
            Assert.True(DateTime.UtcNow < deadline,
                $"trace {traceId} in the dashboard does not cross {string.Join(", ", crossing)}; it has: {seen}");
            await Task.Delay(1000, cancellationToken);
        }
    }

    /// <summary>Trace id to the service names of its spans, from the OTLP JSON the dashboard returns.</summary>
    private static Dictionary<string, HashSet<string>> ServicesPerTrace(JsonElement response)
    {
        var result = new Dictionary<string, HashSet<string>>();
        var data = response.TryGetProperty("data", out var d) ? d : response;
        if (!data.TryGetProperty("resourceSpans", out var resourceSpans)) return result;
        foreach (var resourceSpan in resourceSpans.EnumerateArray())
        {
            var service = resourceSpan.GetProperty("resource").GetProperty("attributes").EnumerateArray()
                .Where(a => a.GetProperty("key").GetString() == "service.name")
                .Select(a => a.GetProperty("value").GetProperty("stringValue").GetString())
                .FirstOrDefault() ?? "";
            foreach (var scope in resourceSpan.GetProperty("scopeSpans").EnumerateArray())
                foreach (var span in scope.GetProperty("spans").EnumerateArray())
                {
                    var traceId = span.GetProperty("traceId").GetString()!;
                    if (!result.TryGetValue(traceId, out var set)) result[traceId] = set = [];
                    set.Add(service);
                }
        }
        return result;
    }
}
