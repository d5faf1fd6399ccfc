using System.Text.Json.Nodes;
using Platform.Gateway.OpenApi;

namespace Platform.Gateway.Tests;

/// <summary>What the gateway changes in a document before serving it at /openapi/...: server, paths, security.</summary>
public sealed class PublishedDocumentTests
{
    private const string ServiceDocument = """
        {
          "openapi": "3.1.1",
          "info": { "title": "Events", "version": "1.0.0" },
          "servers": [ { "url": "http://127.0.0.1:41234/" } ],
          "paths": {
            "/api/events": {
              "get": { "tags": ["Events"], "operationId": "ListPublishedEvents", "summary": "s", "responses": {} },
              "post": { "tags": ["Organising"], "operationId": "CreateEvent", "summary": "s", "x-roles": ["staff"], "responses": {} }
            },
            "/api/events/{id}/figures": {
              "get": { "tags": ["Events"], "operationId": "Figures", "summary": "s", "x-roles": ["partner", "staff"], "responses": {} }
            },
            "/admin/dead-letters": {
              "get": { "tags": ["Dead letters"], "operationId": "ListDeadLetters", "summary": "s", "x-roles": ["staff"], "responses": {} }
            }
          },
          "tags": [ { "name": "Events" }, { "name": "Organising" }, { "name": "Dead letters" } ]
        }
        """;

    [Fact]
    public void A_service_document_names_the_gateway_lists_only_routed_paths_and_states_each_operations_credentials()
    {
        var document = PublishedDocument.Prepare(JsonNode.Parse(ServiceDocument)!.AsObject(), "events", "http://127.0.0.1:8080/");
        JsonNode Operation(string path, string method) => document["paths"]![path]![method]!;

        Assert.Equal("http://127.0.0.1:8080", Assert.Single(document["servers"]!.AsArray())!["url"]!.GetValue<string>());
        Assert.Equal(["/api/events", "/api/events/{id}/figures"], document["paths"]!.AsObject().Select(p => p.Key));
        Assert.Equal(["Events", "Organising"], document["tags"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal("""[{},{"session":[]},{"apiKey":["events:read"]}]""", Operation("/api/events", "get")["security"]!.ToJsonString());
        Assert.Equal("""[{"session":[]}]""", Operation("/api/events", "post")["security"]!.ToJsonString());
        Assert.Equal("""[{"session":[]},{"apiKey":["events:read"]}]""", Operation("/api/events/{id}/figures", "get")["security"]!.ToJsonString());
        Assert.Equal(["apiKey", "session"], document["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key).Order());
    }

    [Fact]
    public void The_gateways_own_user_endpoints_ask_for_a_session_not_a_partner_key()
    {
        var document = JsonNode.Parse("""
            {
              "openapi": "3.1.1", "info": { "title": "Gateway", "version": "1.0.0" },
              "paths": {
                "/gateway/accounts/login": { "post": { "responses": {} } },
                "/gateway/accounts/me": { "get": { "x-roles": [], "responses": {} } }
              }
            }
            """)!.AsObject();

        PublishedDocument.Prepare(document, service: null, "http://gateway.example");

        Assert.Equal("[{}]", document["paths"]!["/gateway/accounts/login"]!["post"]!["security"]!.ToJsonString());
        Assert.Equal("""[{"session":[]}]""", document["paths"]!["/gateway/accounts/me"]!["get"]!["security"]!.ToJsonString());
        Assert.Equal("http://gateway.example", document["servers"]![0]!["url"]!.GetValue<string>());
    }
}
