using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.EndToEnd.Tests.Volunteers;

namespace Platform.EndToEnd.Tests.Text;

/// <summary>
/// Issue 21: a NUL or another control character in any text is a 400 ProblemDetails naming the field, never a 500,
/// for every operation of every API document the gateway serves at /docs; and refused requests never break anyone
/// else's.
/// </summary>
public sealed partial class ControlCharacterTests(PlatformFixture platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_string_field_and_query_parameter_of_every_operation_refuses_control_characters()
    {
        var staff = await platform.StaffTokenAsync();
        // The gateway's endpoints for an organisation's own keys answer staff (who have no organisation) 403 first.
        var (_, organisationUser) = await platform.RegisteredOrganisationAsync();
        var documents = await DocumentUrlsAsync();
        var requests = new List<BadTextRequest>();
        var built = new List<string>();
        foreach (var url in documents)
        {
            var document = JsonNode.Parse(await platform.Gateway.GetStringAsync(url, Cancel))!.AsObject();
            var fromDocument = BadTextRequests.From(document).ToList();
            requests.AddRange(fromDocument);
            built.Add($"{url}: {fromDocument.Count} ({fromDocument.Count(r => r.Body is not null)} with a body)");
        }

        // Five documents (the gateway's and four services'), every one with operations taking text in a query and a body.
        Assert.True(documents.Count >= 5, $"documents at /docs: {string.Join(", ", documents)}");
        Assert.True(requests.Select(r => r.Body is null).Distinct().Count() == 2, string.Join('\n', built));
        Assert.True(requests.Count(r => r.Body is not null) > 200, string.Join('\n', built));

        var wrong = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = Cancel }, async (bad, ct) =>
        {
            using var request = new HttpRequestMessage(bad.Method, bad.Url)
            {
                Content = bad.Body is null ? null : JsonContent.Create(bad.Body),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer",
                bad.Url.StartsWith("/gateway/organisation/", StringComparison.Ordinal) ? organisationUser : staff);
            using var response = await platform.Gateway.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode != HttpStatusCode.BadRequest
                || response.Content.Headers.ContentType?.MediaType != "application/problem+json"
                || !NamesField(text, bad.Field))
            {
                wrong.Enqueue($"{bad}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
            }
        });

        Assert.True(wrong.IsEmpty, $"{wrong.Count} of {requests.Count} requests were not refused with 400 naming the field:\n"
            + string.Join('\n', wrong.Take(25)));

        // And the platform still serves ordinary requests.
        using var events = await platform.Gateway.GetAsync("/api/events", Cancel);
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
    }

    [Fact]
    public async Task Visitors_searching_with_a_nul_never_fail_the_ordinary_searches_beside_them()
    {
        const int rounds = 50, visitors = 20;
        var failedOrdinary = new ConcurrentQueue<string>();
        var refused = 0;
        using var client = platform.CreatePublicClient();
        for (var round = 0; round < rounds; round++)
        {
            await Task.WhenAll(Enumerable.Range(0, visitors).Select(async visitor =>
            {
                var withNul = visitor % 2 == 1;
                var url = visitor % 4 < 2
                    ? $"/api/volunteers/roles?q={(withNul ? "a%00b" : "first+aid")}"
                    : $"/api/events?district={(withNul ? "a%00b" : "Castleton")}";
                using var response = await client.GetAsync(url, Cancel);
                if (withNul && response.StatusCode == HttpStatusCode.BadRequest) Interlocked.Increment(ref refused);
                else if (!withNul && response.StatusCode != HttpStatusCode.OK)
                    failedOrdinary.Enqueue($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
            }));
        }

        Assert.Equal(rounds * visitors / 2, refused);
        Assert.True(failedOrdinary.IsEmpty, $"{failedOrdinary.Count} ordinary searches failed, e.g. {failedOrdinary.FirstOrDefault()}");
    }

    /// <summary>The documents Swagger UI at /docs lists, read from its own page as a developer's browser would.</summary>
    private async Task<List<string>> DocumentUrlsAsync()
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in new[] { "/docs/index.html", "/docs/index.js", "/docs/swagger-initializer.js" })
        {
            using var response = await platform.Gateway.GetAsync(page, Cancel);
            if (!response.IsSuccessStatusCode) continue;
            foreach (Match m in DocumentUrl().Matches(await response.Content.ReadAsStringAsync(Cancel)))
            {
                found.Add(m.Value);
            }
        }

        return [.. found.Order(StringComparer.Ordinal)];
    }

    private static bool NamesField(string problem, string field)
    {
        try
        {
            return JsonDocument.Parse(problem).RootElement.TryGetProperty("errors", out var errors)
                && errors.EnumerateObject().Any(e => string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"/openapi/[A-Za-z0-9/_.-]+\.json")]
    private static partial Regex DocumentUrl();
}
