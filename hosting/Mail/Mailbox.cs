using System.Net.Mail;

namespace Platform.AppHost.Hosting.Resources;

/// <summary>A received message, as the sink stored it (RFC 5322 text), with the headers tests usually look at.</summary>
public sealed record ReceivedMessage(string FileName, DateTime ReceivedAt, string Raw)
{
    public string? Header(string name)
    {
        foreach (var line in Raw.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0) break;
            if (trimmed.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)) return trimmed[(name.Length + 1)..].Trim();
        }
        return null;
    }

    public string? To => Header("To");
    public string? Subject => Header("Subject");
    public bool IsTo(string address) => To is { } to && new MailAddress(address).Address is var a
        && to.Contains(a, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Reads the SMTP sink's Maildir: each delivered message is one file under new/ (or cur/ once read).</summary>
public sealed class Mailbox(string maildir)
{
    public IReadOnlyList<ReceivedMessage> Messages()
    {
        var files = new[] { "new", "cur" }
            .Select(sub => Path.Combine(maildir, sub))
            .Where(Directory.Exists)
            .SelectMany(Directory.GetFiles)
            .Select(f => new FileInfo(f))
            .OrderBy(f => f.LastWriteTimeUtc);
        var messages = new List<ReceivedMessage>();
        foreach (var file in files)
        {
            try { messages.Add(new ReceivedMessage(file.Name, file.LastWriteTimeUtc, File.ReadAllText(file.FullName))); }
            catch (FileNotFoundException) { } // moved between listing and reading
        }
        return messages;
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
