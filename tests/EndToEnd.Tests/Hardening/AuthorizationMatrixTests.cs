using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.EndToEnd.Tests.Events;
using Platform.EndToEnd.Tests.Gateway;
using Platform.EndToEnd.Tests.Text;
using Platform.EndToEnd.Tests.Volunteers;

namespace Platform.EndToEnd.Tests.Hardening;

/// <summary>
/// Issue 15, the authorization matrix: every operation of every document /docs lists, called through the gateway by
/// every kind of caller, answers as <see cref="AuthorizationMatrix"/> says. Ids in the requests are real things of
/// organisation A's (a role, an application, a volunteer, their hours and credential), a real event, programme,
/// category, nominee and news draft, so a 404 for organisation B is isolation and not a bad id; organisation B and the
/// judge must never get back any of A's private ids in what they may read. An operation without a row, or a row
/// without an operation, fails the test.
/// </summary>
public sealed class AuthorizationMatrixTests(PlatformFixture platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_operation_answers_every_kind_of_caller_as_the_matrix_says()
    {
        var started = Stopwatch.StartNew();
        var expected = AuthorizationMatrix.Rows();
        var operations = await ApiOperations.ReadAsync(platform.Gateway, Cancel);
        var missing = operations.Where(o => !expected.ContainsKey(o.Key)).Select(o => o.Key).ToList();
        var stale = expected.Keys.Except(operations.Select(o => o.Key)).ToList();

        using var cast = await Cast.CreateAsync(platform);
        var things = await Things.CreateAsync(platform, cast);
        Report($"cast and things ready in {started.Elapsed.TotalSeconds:F1} s");

        var observed = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var wrong = new List<string>();
        var leaks = new List<string>();
        // Reads first, so no write changes what a read finds; signing out last, so the sessions last the whole run.
        foreach (var operation in operations.OrderBy(o => o.Key == "POST /gateway/accounts/logout").ThenBy(o => o.Method != HttpMethod.Get))
        {
            var row = expected.GetValueOrDefault(operation.Key);
            var cells = new string[AuthorizationMatrix.Columns.Length];
            for (var column = 0; column < AuthorizationMatrix.Columns.Length; column++)
            {
                var answers = new List<int>();
                foreach (var caller in CallersOf(cast, operation, AuthorizationMatrix.Columns[column]))
                {
                    var (status, body, url) = await SendAsync(caller, operation, things);
                    answers.Add(status);
                    if (row is not null && !AuthorizationMatrix.Matches(row[column], status))
                        wrong.Add($"{operation.Key} as {caller.Name}: expected {row[column]}, got {status} {Shown(body)}");
                    if (status is >= 200 and < 300 && caller != cast.OrganisationA && caller != cast.Staff && caller != cast.Anonymous
                        && !things.PrivateToA.Any(v => url.Contains(v, StringComparison.Ordinal))
                        && things.PrivateToA.FirstOrDefault(v => body.Contains(v, StringComparison.OrdinalIgnoreCase)) is { } leaked)
                        leaks.Add($"{operation.Key} as {caller.Name}: the answer holds organisation A's {leaked}");
                }

                cells[column] = AuthorizationMatrix.Describe(answers);
            }

            observed[operation.Key] = cells;
        }

        Report($"{operations.Count} operations × {AuthorizationMatrix.Columns.Length} kinds of caller in {started.Elapsed.TotalSeconds:F1} s");
        var problems = new StringBuilder();
        if (missing.Count > 0) problems.AppendLine($"operations without a row (decide, then add them):\n  {string.Join("\n  ", missing)}");
        if (stale.Count > 0) problems.AppendLine($"rows without an operation:\n  {string.Join("\n  ", stale)}");
        if (wrong.Count > 0) problems.AppendLine($"{wrong.Count} cells answered otherwise:\n  {string.Join("\n  ", wrong)}");
        if (leaks.Count > 0) problems.AppendLine($"isolation:\n  {string.Join("\n  ", leaks)}");
        if (problems.Length > 0)
            problems.AppendLine("\nwhat the platform answered, as rows:\n" + AuthorizationMatrix.Format(observed));
        Assert.True(problems.Length == 0, problems.ToString());
    }

    /// <summary>The callers a column stands for: "other-keys" is each key whose scope the operation does not need.</summary>
    private static IEnumerable<Caller> CallersOf(Cast cast, ApiOperation operation, string column)
    {
        var needed = operation.Service is { } service ? $"{service}:{(operation.Method == HttpMethod.Get ? "read" : "write")}" : null;
        return column switch
        {
            "anonymous" => [cast.Anonymous],
            "key" => [needed is null ? cast.KeyWithEveryScope : cast.KeyByScope[needed]],
            "other-keys" => cast.KeyByScope.Where(k => k.Key != needed).Select(k => k.Value),
            "org-A" => [cast.OrganisationA],
            "org-B" => [cast.OrganisationB],
            "judge" => [cast.Judge],
            "staff" => [cast.Staff],
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, null),
        };
    }

    private static async Task<(int Status, string Body, string Url)> SendAsync(Caller caller, ApiOperation operation, Things things)
    {
        var random = new Random(operation.Key.Length);
        var url = operation.Path(name => things.PathValue(operation, name));
        var query = operation.QueryParameters.Where(p => (bool?)p["required"] == true)
            .Select(p => $"{p["name"]}={Uri.EscapeDataString(things.QueryValue((string)p["name"]!) ?? Text(BadTextRequests.Sample(p["schema"], operation.Schemas, random: random)))}")
            .ToList();
        if (query.Count > 0) url += "?" + string.Join('&', query);
        using var request = new HttpRequestMessage(operation.Method, url);
        var body = things.Body(operation) ?? (operation.BodySchema is { } schema ? BadTextRequests.Sample(schema, operation.Schemas, random: random) : null);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await caller.SendAsync(request, Cancel);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(Cancel), url);
    }

    private static string Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node?.ToJsonString() ?? "x";

    private static string Shown(string text) => text.Length > 200 ? text[..200] + "…" : text;

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
    }
}
