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
        var e = await platform.PublishEventAsync(capacity: 100, workshopCapacities: [20]);
        var apiKey = platform.App.Services.GetRequiredService<IConfiguration>()["AppHost:DashboardApiKey"];
        using var dashboard = new HttpClient { BaseAddress = platform.DashboardUrl };
        dashboard.DefaultRequestHeaders.Add("x-api-key", apiKey);
        using (var refused = await new HttpClient { BaseAddress = platform.DashboardUrl }.GetAsync("/api/telemetry/traces", cancellationToken))
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);

        // Telemetry is best effort: a service under load drops spans when its export queue is full (OpenTelemetry's
        // batch processor), so one registration's trace may come without one of its parts. Three registrations are
        // tried, each for 15 s (spans are exported every second; a part still missing then was dropped, and waiting 40 s
        // for it cost the run 40 s one time in two); every one must reach the inbox, and one of them must be whole.
        var seen = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var traceId = await RegisterWithTraceAsync(e, cancellationToken);
            var found = await ServicesOfTraceAsync(dashboard, traceId, TimeSpan.FromSeconds(15), cancellationToken);
            if (Crossing.All(found.Contains)) return;
            seen.Add($"{traceId}: {(found.Count == 0 ? "nothing" : string.Join("+", found.Order()))}");
        }
        Assert.Fail($"no trace in the dashboard crosses {string.Join(", ", Crossing)}; seen: {string.Join(" | ", seen)}");
    }

    private static readonly string[] Crossing = ["gateway", "events", "notifications"];

    /// <summary>
    /// A registration whose trace the test starts itself, as a partner's system would, so it can ask the dashboard for
    /// that one trace (by then the suite's fan-outs have left thousands of newer ones); it returns once mailed.
    /// </summary>
    private async Task<ActivityTraceId> RegisterWithTraceAsync(TestEvent e, CancellationToken cancellationToken)
    {
        var email = Addresses.Unique("traced");
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
        return traceId;
    }

    /// <summary>The services with spans in the trace, once all of <see cref="Crossing"/> are there or the time is up.</summary>
    private static async Task<HashSet<string>> ServicesOfTraceAsync(HttpClient dashboard, ActivityTraceId traceId, TimeSpan wait, CancellationToken cancellationToken)
    {
        // Spans reach the dashboard in batches, each service's on its own schedule: wait for all of them.
        var deadline = DateTime.UtcNow + wait;
        var ours = new HashSet<string>();
        while (DateTime.UtcNow < deadline)
        {
            // 404 until the first span of the trace has arrived; the API answered 500 once while it ingested a burst.
            using var answer = await dashboard.GetAsync($"/api/telemetry/traces/{traceId}", cancellationToken);
            if (answer.IsSuccessStatusCode)
            {
                var services = ServicesPerTrace(await answer.Content.ReadFromJsonAsync<JsonElement>(cancellationToken));
                ours = services.GetValueOrDefault(traceId.ToHexString()) ?? [];
                if (Crossing.All(ours.Contains)) break;
            }
            await Task.Delay(1000, cancellationToken);
        }
        return ours;
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
