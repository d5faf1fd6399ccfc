using System.Net;
using System.Text.Json.Nodes;
using Platform.Gateway.OpenApi;
using Platform.Gateway.Routing;

namespace Platform.Gateway.Tests;

public sealed class RoutingUnitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_safe_request_that_failed_to_connect_is_retried_once()
    {
        var inner = new FailingOnceHandler();
        using var client = new HttpMessageInvoker(new IdempotentRetryHandler(inner, TimeProvider.System));

        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "http://events/api/events"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task A_write_is_never_retried()
    {
        var inner = new FailingOnceHandler();
        using var client = new HttpMessageInvoker(new IdempotentRetryHandler(inner, TimeProvider.System));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "http://events/api/events") { Content = new StringContent("{}") }, Cancel));
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public void Each_operation_states_the_partner_scope_it_needs()
    {
        var document = JsonNode.Parse("""{"paths":{"/api/events":{"get":{},"post":{}}}}""")!.AsObject();

        PartnerScopes.Declare(document, "events");

        Assert.Equal("events:read", document["paths"]!["/api/events"]!["get"]!["x-partner-scope"]!.GetValue<string>());
        Assert.Equal("events:write", document["paths"]!["/api/events"]!["post"]!["x-partner-scope"]!.GetValue<string>());
    }

    [Fact]
    public void Security_requirements_follow_the_roles_the_service_documented()
    {
        var document = JsonNode.Parse("""
            {"paths":{
              "/api/events":{"get":{},"post":{"x-roles":["staff"]}},
              "/api/events/mine":{"get":{"x-roles":["organisation","staff"]}},
              "/api/events/feed":{"get":{"x-roles":["partner"]}},
              "/api/events/me":{"get":{"x-roles":[]}}}}
            """)!.AsObject();

        PartnerScopes.Declare(document, "events");

        string Schemes(string path, string method) => string.Join(",", document["paths"]![path]![method]!["security"]!.AsArray()
            .Select(r => r!.AsObject().Select(p => p.Key).SingleOrDefault() ?? "anonymous"));
        Assert.Equal("anonymous,session,apiKey", Schemes("/api/events", "get"));
        Assert.Equal("session", Schemes("/api/events", "post"));
        Assert.Null(document["paths"]!["/api/events"]!["post"]!["x-partner-scope"]);
        Assert.Equal("session", Schemes("/api/events/mine", "get"));
        Assert.Equal("apiKey", Schemes("/api/events/feed", "get"));
        Assert.Equal("events:read", document["paths"]!["/api/events/feed"]!["get"]!["security"]![0]!["apiKey"]![0]!.GetValue<string>());
        Assert.Equal("session,apiKey", Schemes("/api/events/me", "get"));
    }

    private sealed class FailingOnceHandler : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            ++Calls == 1
                ? throw new HttpRequestException("connection refused")
                : Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
