using System.Text.Json.Nodes;

namespace Platform.EndToEnd.Tests.ApiDocuments;

/// <summary>
/// The documents /docs lists, fetched through the gateway as a partner's developer would: the gateway is the server,
/// every operation is one the gateway routes and has an operationId and a summary, and Redocly's recommended ruleset
/// finds no error in any of them.
/// </summary>
public sealed class ApiDocumentTests(PlatformFixture platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static TheoryData<string> Documents =>
    [
        "/openapi/gateway.json",
        "/openapi/services/events.json",
        "/openapi/services/volunteers.json",
        "/openapi/services/awards.json",
        "/openapi/services/notifications.json",
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task The_document_passes_redocly_lint_with_no_errors(string path)
    {
        var json = await platform.Gateway.GetStringAsync(path, Cancel);

        var problems = await RedoclyLint.LintAsync(json, Cancel);

        var errors = problems.Where(p => p.Severity == "error").Select(p => $"{p.Rule} at {p.Where}: {p.Message}").ToList();
        Assert.True(errors.Count == 0, $"{path}: {errors.Count} errors\n{string.Join('\n', errors)}");
    }

    [Fact]
    public async Task The_linter_finds_errors_where_there_are_some()
    {
        // The check above is only worth something if the linter runs and reports; this is the defect it first found.
        var json = """{"openapi":"3.1.1","info":{"title":"t","version":"1"},"servers":[{"url":"http://127.0.0.1:8080/"}],"paths":{"/a":{"get":{"responses":{"200":{"description":"ok"}}}}}}""";

        var problems = await RedoclyLint.LintAsync(json, Cancel);

        Assert.Contains(problems, p => p is { Rule: "no-server-trailing-slash", Severity: "error" });
        Assert.Contains(problems, p => p is { Rule: "operation-summary", Severity: "error" });
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public async Task The_gateway_is_the_server_and_every_operation_is_routed_named_and_secured(string path)
    {
        var document = JsonNode.Parse(await platform.Gateway.GetStringAsync(path, Cancel))!.AsObject();

        var server = Assert.Single(document["servers"]!.AsArray())!["url"]!.GetValue<string>();
        Assert.Equal(platform.Gateway.BaseAddress!.GetLeftPart(UriPartial.Authority), server);
        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        Assert.True(schemes.ContainsKey("session") && schemes.ContainsKey("apiKey"), "session and apiKey schemes declared");

        var service = path.StartsWith("/openapi/services/", StringComparison.Ordinal) ? Path.GetFileNameWithoutExtension(path) : null;
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (route, item) in document["paths"]!.AsObject())
        {
            Assert.True(service is null ? route.StartsWith("/gateway/") || route.StartsWith("/api/reference/") : route.StartsWith($"/api/{service}"), route);
            foreach (var (method, operation) in item!.AsObject())
            {
                var where = $"{method.ToUpperInvariant()} {route}";
                var id = operation!["operationId"]?.GetValue<string>();
                Assert.False(string.IsNullOrWhiteSpace(id), $"{where} has no operationId");
                Assert.True(operationIds.Add(id!), $"{where} repeats operationId {id}");
                Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{where} has no summary");
                Assert.NotEmpty(operation["security"]!.AsArray());
            }
        }
    }

    [Fact]
    public async Task Staff_only_operations_ask_for_a_session_and_public_ones_for_nothing()
    {
        var gateway = JsonNode.Parse(await platform.Gateway.GetStringAsync("/openapi/gateway.json", Cancel))!;
        var events = JsonNode.Parse(await platform.Gateway.GetStringAsync("/openapi/services/events.json", Cancel))!;

        Assert.Equal("""[{"session":[]}]""", gateway["paths"]!["/gateway/api-keys"]!["get"]!["security"]!.ToJsonString());
        Assert.Equal("[{}]", gateway["paths"]!["/gateway/accounts/login"]!["post"]!["security"]!.ToJsonString());
        Assert.Equal("""[{"session":[]}]""", events["paths"]!["/api/events/all"]!["get"]!["security"]!.ToJsonString());
        Assert.Equal("""[{},{"session":[]},{"apiKey":["events:read"]}]""",
            events["paths"]!["/api/events"]!["get"]!["security"]!.ToJsonString());
    }
}
