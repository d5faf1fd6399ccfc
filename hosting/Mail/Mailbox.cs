using System.Collections.Concurrent;
using System.Net.Mail;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>A received message, as the sink stored it (RFC 5322 text), with the headers tests usually look at.</summary>
public sealed partial record ReceivedMessage(string FileName, DateTime ReceivedAt, string Raw)
{
    // Parsed on first use and kept: a waiting test asks every message in the mailbox for its To again on every poll,
    // and a fault test checks hundreds of recipients against thousands of messages.
    private Dictionary<string, string>? _headers;
    private HashSet<string>? _recipients;

    // An address as IsTo compares it, worked out once per address rather than once per message and poll.
    private static readonly ConcurrentDictionary<string, string> Normalized = new(StringComparer.Ordinal);

    /// <summary>A header's value, unfolded (a long value spans lines), the first of each name winning.</summary>
    public string? Header(string name) => (_headers ??= ParseHeaders(Raw)).GetValueOrDefault(name);

    public string? To => Header("To");
    public string? Subject => Header("Subject");

    /// <summary>The addresses in To, lower-cased.</summary>
    public IReadOnlySet<string> Recipients => _recipients ??= [.. AddressPattern().Matches(To ?? "").Select(m => m.Value.ToLowerInvariant())];

    public bool IsTo(string address) =>
        Recipients.Contains(Normalized.GetOrAdd(address, a => new MailAddress(a).Address.ToLowerInvariant()));

    private static Dictionary<string, string> ParseHeaders(string raw)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        var value = new StringBuilder();
        foreach (var line in raw.AsSpan().EnumerateLines())
        {
            if (line.IsEmpty) break;
            if (line[0] is ' ' or '\t')
            {
                // A folded line continues the header above it (RFC 5322 2.2.3).
                if (name is not null) value.Append(' ').Append(line.Trim());
                continue;
            }

            Add();
            var colon = line.IndexOf(':');
            name = colon > 0 ? line[..colon].ToString() : null;
            value.Clear();
            if (name is not null) value.Append(line[(colon + 1)..].Trim());
        }

        Add();
        return headers;

        void Add()
        {
            if (name is not null) headers.TryAdd(name, value.ToString().Trim());
        }
    }

    [GeneratedRegex(@"[^\s<>,;:""]+@[^\s<>,;:""]+")]
    private static partial Regex AddressPattern();
}

/// <summary>
/// Reads the SMTP sink's Maildir: each delivered message is one file under new/ (or cur/ once read). A delivered file
/// never changes (it can only move to cur/), so each is read once and kept by its unique name: a run's mailbox holds
/// thousands of messages, and every waiting test polls it ten times a second.
/// </summary>
public sealed class Mailbox(string maildir)
{
    private readonly ConcurrentDictionary<string, ReceivedMessage> _read = new();

    public IReadOnlyList<ReceivedMessage> Messages()
    {
        var listed = new Dictionary<string, ReceivedMessage>();
        foreach (var folder in new[] { "new", "cur" }.Select(sub => Path.Combine(maildir, sub)).Where(Directory.Exists))
        {
            foreach (var path in Directory.EnumerateFiles(folder))
            {
                var name = Path.GetFileName(path);
                // Maildir's unique name is what comes before ":2,<flags>", which a move to cur/ adds.
                var unique = name.Split(':')[0];
                if (listed.ContainsKey(unique)) continue; // moved to cur/ while the folders were listed
                if (!_read.TryGetValue(unique, out var message))
                {
                    try { message = _read.GetOrAdd(unique, new ReceivedMessage(name, File.GetLastWriteTimeUtc(path), File.ReadAllText(path))); }
                    catch (FileNotFoundException) { continue; } // moved between listing and reading
                }
                listed[unique] = message;
            }
        }
        // Only what is there now: a sink whose maildir was emptied shows none of what it held.
        return [.. listed.Values.OrderBy(m => m.ReceivedAt)];
    }

    /// <summary>Waits until a message matching <paramref name="match"/> arrives.</summary>
    public async Task<ReceivedMessage> WaitForAsync(Func<ReceivedMessage, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var found = Messages().FirstOrDefault(match);
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No matching message in {maildir} after {timeout}.");
            await Task.Delay(100);
        }
    }
}
