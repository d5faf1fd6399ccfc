using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Platform.Notifications.Tests.Outgoing;

/// <summary>
/// A real SMTP server process: the project's SMTP sink (python3 aiosmtpd) with a handler that answers 550 at RCPT TO
/// for recipients whose local part starts with "refuse" (refusing_smtp_server.py). It reports each conversation and
/// accepted recipient on stdout.
/// </summary>
public sealed class RefusingSmtpServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _events = new();

    private RefusingSmtpServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"smtp://127.0.0.1:{Port}";

    /// <summary>Recipients whose message the server accepted, in order.</summary>
    public IReadOnlyList<string> Delivered => [.. _events.Where(e => e.StartsWith("delivered ")).Select(e => e["delivered ".Length..])];

    /// <summary>
    /// <see cref="Delivered"/> once it holds <paramref name="count"/> recipients (or after 10 s): the server prints a
    /// delivery before it answers 250, but this process reads its output on another thread, which may lag behind the
    /// client's own answer on a busy machine.
    /// </summary>
    public async Task<IReadOnlyList<string>> DeliveredAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Delivered.Count < count && DateTime.UtcNow < deadline) await Task.Delay(20);
        return Delivered;
    }

    /// <summary>SMTP conversations opened (one EHLO each).</summary>
    public int Sessions => _events.Count(e => e == "session");

    /// <summary>Starts the server on a free port, or on <paramref name="port"/> (a server started again where another was).</summary>
    public static async Task<RefusingSmtpServer> StartAsync(int? port = null)
    {
        if (port is null)
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        var start = new ProcessStartInfo("/usr/bin/python3", [Path.Combine(AppContext.BaseDirectory, "Outgoing", "refusing_smtp_server.py"), port.Value.ToString()])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var server = new RefusingSmtpServer(Process.Start(start)!, port.Value);
        server._process.OutputDataReceived += (_, line) => { if (line.Data is { } data) server._events.Enqueue(data); };
        server._process.BeginOutputReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!server._events.Contains("ready"))
        {
            Assert.False(server._process.HasExited, "the SMTP server process exited at start (is python3-aiosmtpd installed?)");
            Assert.True(DateTime.UtcNow < deadline, "the SMTP server did not start");
            await Task.Delay(50);
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        // Closing stdin ends the server; a kill is only the fallback.
        _process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }

        _process.Dispose();
    }
}
