using System.Net;
using System.Text.Json;

namespace Platform.TestSupport;

/// <summary>
/// The bounds every list endpoint shares (ServiceDefaults' PageRequest), asked of one endpoint at a time. Linked into
/// the gateway's tests as well, so each service and the gateway check their own lists against the same queries.
/// </summary>
public static class PagingBounds
{
    /// <summary>Each must be a 400 naming the field: zero, negative, past int's range for an offset, page size over the maximum.</summary>
    public static readonly IReadOnlyList<(string Query, string Field)> OutOfBounds =
    [
        ("page=0", "page"), ("page=-1", "page"), ("page=2147483647", "page"), ("page=10001", "page"),
        ("pageSize=0", "pageSize"), ("pageSize=-3", "pageSize"), ("pageSize=101", "pageSize"), ("pageSize=lots", "pageSize"),
    ];

    /// <summary>What went wrong for each out-of-bounds query of <paramref name="path"/> that was not refused properly; empty when all were.</summary>
    public static async Task<List<string>> UnrefusedAsync(HttpClient client, string path)
    {
        var failures = new List<string>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (query, field) in OutOfBounds)
        {
            using var response = await client.GetAsync($"{path}{separator}{query}");
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{path}{separator}{query}: {(int)response.StatusCode} {body}");
                continue;
            }

            var errors = JsonDocument.Parse(body).RootElement.TryGetProperty("errors", out var e) ? e : default;
            if (errors.ValueKind != JsonValueKind.Object || !errors.TryGetProperty(field, out _))
                failures.Add($"{path}{separator}{query}: 400 without an error for '{field}': {body}");
        }

        return failures;
    }

    /// <summary>Every item of a paged list, page by page at <paramref name="pageSize"/>, with each page's JSON.</summary>
    public static async Task<(List<JsonElement> Items, List<JsonElement> Pages)> ReadAllAsync(HttpClient client, string path, int pageSize)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var items = new List<JsonElement>();
        var pages = new List<JsonElement>();
        for (var page = 1; page <= 100; page++)
        {
            var json = JsonDocument.Parse(await client.GetStringAsync($"{path}{separator}page={page}&pageSize={pageSize}")).RootElement;
            pages.Add(json);
            var these = json.GetProperty("items").EnumerateArray().ToList();
            items.AddRange(these);
            if (these.Count < pageSize) break;
        }

        return (items, pages);
    }
}
