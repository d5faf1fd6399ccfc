using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Volunteers;
using StandardWebhooks;

namespace Platform.EndToEnd.Tests.Partners;

/// <summary>
/// A partner's webhooks, end to end: a role an organisation's key opens reaches its endpoints signed per Standard
/// Webhooks (checked with the reference library, not our signing code); an endpoint that redirects is not followed and
/// is retried, one that hangs times out and is retried after its 500 too, and neither delays the healthy one; the
/// delivery log shows each attempt and a replay sends the same message id again.
/// </summary>
public sealed class PartnerWebhookTests(PlatformFixture platform)
{
    private const string Webhooks = "/api/notifications/webhooks";

    // The test platform's per-attempt timeout (TestPlatformSettings).
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_signed_delivery_reaches_a_healthy_endpoint_undelayed_while_failing_ones_are_retried()
    {
        await using var receiver = await WebhookReceiver.StartAsync(new Dictionary<string, Func<int, HttpContext, Task>>
        {
            // First a redirect to the healthy endpoint (which must not be followed), then accepted.
            ["/redirecting"] = (nth, context) =>
            {
                if (nth == 1) context.Response.Redirect("/healthy/followed");
                return Task.CompletedTask;
            },
            // First no answer until the sender gives up, then a 500.
            ["/hanging"] = async (nth, context) =>
            {
                if (nth == 1) await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                else context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            },
        });
        var (organisation, user) = await platform.RegisteredOrganisationAsync();
        await platform.ApproveAsync(organisation);
        var key = await platform.OrganisationKeyAsync(user, "roles:write", "webhooks:write");
        var healthy = await RegisterAsync(key, receiver.Url("/healthy"));
        var redirecting = await RegisterAsync(key, receiver.Url("/redirecting"));
        var hanging = await RegisterAsync(key, receiver.Url("/hanging"));
        try
        {
            var role = (await platform.Gateway.OkWithKeyAsync(HttpMethod.Post, "/api/volunteers/organisation/roles", key,
                VolunteersActors.RoleBody("Neighbourhood watch coordinator", places: 2))).GetProperty("id").GetGuid();
            await platform.Gateway.OkWithKeyAsync(HttpMethod.Post, $"/api/volunteers/organisation/roles/{role}/open", key);

            bool ForRole(WebhookRequest r) => r.Json.GetProperty("data").GetProperty("roleId").GetGuid() == role;
            var delivered = await receiver.WaitForAsync(r => r.Path == "/healthy" && ForRole(r), Wait);
            new StandardWebhook(healthy.Secret).Verify(delivered.Body, delivered.Headers);
            Assert.Equal("role.opened", delivered.Json.GetProperty("type").GetString());
            Assert.Equal(organisation, delivered.Json.GetProperty("data").GetProperty("organisationId").GetGuid());
            var messageId = delivered.MessageId;
            Assert.StartsWith("msg_", messageId, StringComparison.Ordinal);

            // The hanging endpoint held its own request for the whole timeout; the healthy one did not wait for it.
            var hung = await receiver.WaitForAsync(r => r.Path == "/hanging" && r.MessageId == messageId, Wait);
            Assert.True(delivered.ArrivedAt < hung.ArrivedAt + AttemptTimeout,
                $"the healthy endpoint got the message {delivered.ArrivedAt - hung.ArrivedAt} after the hanging one");

            // Each failing endpoint gets the same message again, signed afresh; the redirect was never followed.
            var retried = await receiver.WaitForAsync(r => r.Path == "/redirecting" && r.MessageId == messageId
                && receiver.Requests.Count(x => x.Path == "/redirecting" && x.MessageId == messageId) >= 2, Wait);
            new StandardWebhook(redirecting.Secret).Verify(retried.Body, retried.Headers);
            await receiver.WaitForAsync(r => r.Path == "/hanging" && r.MessageId == messageId
                && receiver.Requests.Count(x => x.Path == "/hanging" && x.MessageId == messageId) >= 2, Wait);
            Assert.DoesNotContain(receiver.Requests, r => r.Path == "/healthy/followed");
            Assert.Single(receiver.Requests, r => r.Path == "/healthy" && r.MessageId == messageId);

            var redirectLog = await DeliveryAsync(key, redirecting.Id, messageId, d => d.GetProperty("status").GetString() == "delivered");
            Assert.Equal([302, 200], Attempts(redirectLog).Select(a => a.GetProperty("statusCode").GetInt32()));
            var hangingLog = await DeliveryAsync(key, hanging.Id, messageId, d => Attempts(d).Count() == 2);
            Assert.Equal("pending", hangingLog.GetProperty("status").GetString());
            Assert.Contains("No answer", Attempts(hangingLog).First().GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Equal(500, Attempts(hangingLog).Last().GetProperty("statusCode").GetInt32());

            // A replay sends the same message (same webhook-id) to the endpoint again.
            var healthyLog = await DeliveryAsync(key, healthy.Id, messageId, d => d.GetProperty("status").GetString() == "delivered");
            await platform.Gateway.OkWithKeyAsync(HttpMethod.Post, $"{Webhooks}/{healthy.Id}/deliveries/{healthyLog.GetProperty("id").GetGuid()}/replay", key);
            await receiver.WaitForAsync(r => r.Path == "/healthy" && r.MessageId == messageId
                && receiver.Requests.Count(x => x.Path == "/healthy" && x.MessageId == messageId) == 2, Wait);

            // Another organisation's user does not see these endpoints.
            var (_, other) = await platform.RegisteredOrganisationAsync();
            using var othersView = new HttpRequestMessage(HttpMethod.Get, $"{Webhooks}/{healthy.Id}/deliveries");
            othersView.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", other);
            using var refused = await platform.Gateway.SendAsync(othersView, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
        finally
        {
            foreach (var endpoint in new[] { healthy, redirecting, hanging })
                await platform.Gateway.OkWithKeyAsync(HttpMethod.Delete, $"{Webhooks}/{endpoint.Id}", key);
        }
    }

    private async Task<(Guid Id, string Secret)> RegisterAsync(string key, string url)
    {
        var created = await platform.Gateway.OkWithKeyAsync(HttpMethod.Post, Webhooks, key, new { url, eventTypes = new[] { "role.opened" } });
        return (created.GetProperty("id").GetGuid(), created.GetProperty("secret").GetString()!);
    }

    /// <summary>The endpoint's log entry for the message, once <paramref name="settled"/> holds (it is written after the answer).</summary>
    private async Task<JsonElement> DeliveryAsync(string key, Guid endpoint, string messageId, Func<JsonElement, bool> settled)
    {
        var deadline = DateTimeOffset.UtcNow + Wait;
        while (true)
        {
            var log = await platform.Gateway.OkWithKeyAsync(HttpMethod.Get, $"{Webhooks}/{endpoint}/deliveries", key);
            var entry = log.GetProperty("items").EnumerateArray().FirstOrDefault(d => d.GetProperty("messageId").GetString() == messageId);
            if (entry.ValueKind == JsonValueKind.Object && settled(entry)) return entry;
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the delivery log never showed it settled: {log}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    private static IEnumerable<JsonElement> Attempts(JsonElement delivery) => delivery.GetProperty("history").EnumerateArray();
}
