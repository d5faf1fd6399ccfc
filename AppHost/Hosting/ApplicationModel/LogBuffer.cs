namespace Platform.AppHost.Hosting.ApplicationModel;

public sealed record LogLine(long Sequence, DateTimeOffset At, string Text, bool IsError);

/// <summary>
/// The last few thousand console lines of one resource. Sequence numbers never repeat, so a dashboard that
/// polls with "after N" sees every line once even while old lines are dropped.
/// </summary>
public sealed class LogBuffer(int capacity = 5000)
{
    private readonly Queue<LogLine> _lines = new();
    private readonly Lock _gate = new();
    private long _next;

    public void Add(string text, bool isError, DateTimeOffset at)
    {
        lock (_gate)
        {
            _lines.Enqueue(new LogLine(++_next, at, text, isError));
            while (_lines.Count > capacity) _lines.Dequeue();
        }
    }

    public IReadOnlyList<LogLine> After(long sequence, int max = 2000)
    {
        lock (_gate) return _lines.Where(l => l.Sequence > sequence).Take(max).ToList();
    }

    /// <summary>The line that says why a .NET process crashed: the last "...Exception: message" above its stack trace.</summary>
    public string? LastExceptionMessage()
    {
        var line = Tail(300).LastOrDefault(l => l.Contains("Exception: ", StringComparison.Ordinal));
        return line is { Length: > 600 } ? line[..600] + "..." : line;
    }

    public IReadOnlyList<string> Tail(int count)
    {
        lock (_gate) return _lines.Skip(Math.Max(0, _lines.Count - count)).Select(l => l.Text).ToList();
    }
}
