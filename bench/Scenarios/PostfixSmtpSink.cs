using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Bench.Scenarios;

/// <summary>
/// Postfix's smtp-sink (Debian package postfix) as a plain process on a loopback port: it accepts every message and
/// throws it away, far faster than the platform sends, so news-fanout measures the platform rather than the sink.
/// Counts the messages it has taken from its running counter (-c), which it prints on every end of data.
/// </summary>
public sealed partial class PostfixSmtpSink : IAsyncDisposable
{
    private const string Program = "/usr/sbin/smtp-sink";
    private readonly Process _process;
    private readonly Task _reader;
    private long _messages;

    private PostfixSmtpSink(Process process, int port)
    {
        _process = process;
        Port = port;
        _reader = Task.Run(ReadCounterAsync);
    }

    public int Port { get; }

    public Uri Address => new($"smtp://127.0.0.1:{Port}");

    /// <summary>Messages taken since the sink started.</summary>
    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>
    /// Starts the sink; with <paramref name="dumpFolder"/>, it also writes every message it takes to a file of its own
    /// there (smtp-sink's -d), for a scenario that must know which messages arrived, not only how many.
    /// </summary>
    public static async Task<PostfixSmtpSink> StartAsync(int? port = null, string? dumpFolder = null)
    {
        if (!File.Exists(Program))
            throw new InvalidOperationException($"{Program} is missing: install Debian's postfix package (./platform bench installs it).");
        var chosen = port ?? LocalServer.FreePort();
        var start = new ProcessStartInfo(Program) { RedirectStandardOutput = true, RedirectStandardError = true };
        // As root it must drop to another user once the socket is open.
        if (Environment.UserName == "root") { start.ArgumentList.Add("-u"); start.ArgumentList.Add("nobody"); }
        if (dumpFolder is not null)
        {
            // Written by the user the sink drops to.
            Directory.CreateDirectory(dumpFolder);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(dumpFolder, (UnixFileMode)0b111_111_111);
            start.ArgumentList.Add("-d");
            start.ArgumentList.Add(Path.Combine(dumpFolder, "%H%M%S."));
        }

        foreach (var argument in new[] { "-c", $"127.0.0.1:{chosen.ToString(CultureInfo.InvariantCulture)}", "256" })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("smtp-sink did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var sink = new PostfixSmtpSink(process, chosen);
        await LocalServer.WaitUntilListeningAsync(chosen, process, "smtp-sink");
        return sink;
    }

    /// <summary>Waits until the sink has taken <paramref name="count"/> messages; returns when the last one came.</summary>
    public async Task WaitForAsync(long count, TimeSpan timeout, Stopwatch clock, TimeSpan poll)
    {
        var deadline = clock.Elapsed + timeout;
        while (Messages < count)
        {
            if (clock.Elapsed > deadline) throw new TimeoutException($"smtp-sink took {Messages} messages, not {count}, within {timeout.TotalSeconds} s");
            if (_process.HasExited) throw new InvalidOperationException($"smtp-sink exited with {_process.ExitCode}");
            await Task.Delay(poll);
        }
    }

    // "sess=1 quit=1 mesg=4\r": the counter line, rewritten in place.
    private async Task ReadCounterAsync()
    {
        var buffer = new char[4096];
        var pending = string.Empty;
        int read;
        while ((read = await _process.StandardOutput.ReadAsync(buffer)) > 0)
        {
            pending += new string(buffer, 0, read);
            var matches = Counter().Matches(pending);
            if (matches.Count > 0)
            {
                Interlocked.Exchange(ref _messages, long.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture));
                pending = pending[(matches[^1].Index + matches[^1].Length)..];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await _reader.ContinueWith(_ => { }, TaskScheduler.Default);
        _process.Dispose();
    }

    [GeneratedRegex(@"mesg=(\d+)\r")]
    private static partial Regex Counter();
}
