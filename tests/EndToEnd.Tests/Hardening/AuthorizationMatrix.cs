using System.Text;

namespace Platform.EndToEnd.Tests.Hardening;

/// <summary>
/// Who may call what, through the gateway: one row per operation of the API documents, one column per kind of caller.
/// <list type="bullet">
/// <item><c>anonymous</c>: no credentials; <c>key</c>: a partner key with the one scope the gateway asks of this
/// operation (<c>{service}:read</c> for GET, <c>{service}:write</c> otherwise; for the gateway's own operations, a key
/// with every scope); <c>other-keys</c>: each of the seven other single-scope keys, one after another.</item>
/// <item><c>org-A</c>: a user of the organisation that owns the role, application, volunteer, hours and credential the
/// requests name; <c>org-B</c>: a user of another approved organisation; <c>judge</c>: an organisation user on the
/// panel of the category the requests name (nobody's organisation of the above); <c>staff</c>.</item>
/// </list>
/// Cells: <c>ok</c> 2xx; <c>in</c> let in (neither 401 nor 403: the request was judged on its content or state, e.g.
/// a 400 for a sample body, 404 for a link nobody was sent, 409 for a state already reached); or the exact status,
/// <c>401</c> (who are you?), <c>403</c> (not for you), <c>404</c> (another organisation's thing does not exist for you).
/// No cell accepts a 5xx.
/// </summary>
internal static class AuthorizationMatrix
{
    public static readonly string[] Columns = ["anonymous", "key", "other-keys", "org-A", "org-B", "judge", "staff"];

    private const string Table = """
        # operation                                                                  anonymous key other-keys org-A org-B judge staff
        """;

    public static IReadOnlyDictionary<string, string[]> Rows()
    {
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in Table.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(parts.Length == 2 + Columns.Length, $"a row needs a method, a path and {Columns.Length} cells: {line}");
            var key = $"{parts[0]} {parts[1]}";
            Assert.True(rows.TryAdd(key, parts[2..]), $"two rows for {key}");
            Assert.All(parts[2..], cell => Assert.True(cell is "ok" or "in" or "401" or "403" or "404", $"{key}: unknown cell '{cell}'"));
        }

        return rows;
    }

    public static bool Matches(string cell, int status) => status < 500 && cell switch
    {
        "ok" => status is >= 200 and < 300,
        "in" => status is not (401 or 403),
        _ => cell == status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>What the callers of one column got: "ok" for 2xx, otherwise the status (each caller's when they differ).</summary>
    public static string Describe(IReadOnlyList<int> statuses)
    {
        var cells = statuses.Select(s => s is >= 200 and < 300 ? "ok" : s.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return cells.Distinct().Count() == 1 ? cells[0] : string.Join('/', cells);
    }

    /// <summary>What was answered, in the table's layout, to judge against it.</summary>
    public static string Format(IReadOnlyDictionary<string, string[]> observed)
    {
        var text = new StringBuilder();
        foreach (var (key, cells) in observed.OrderBy(r => r.Key.Split(' ')[1], StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal))
            text.AppendLine($"{key,-78} {string.Join(' ', cells.Select((c, i) => c.PadRight(Columns[i].Length)))}");
        return text.ToString();
    }
}
