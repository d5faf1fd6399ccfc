using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Platform.Bench.Scenarios;

/// <summary>The yardstick proxies' processes: a free loopback port, starting one quietly, waiting until it listens.</summary>
internal static class LocalServer
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts a program whose output nobody reads (drained, so a chatty one never blocks on a full pipe).</summary>
    public static Process Start(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    public static async Task WaitUntilListeningAsync(int port, Process process, string name)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited) throw new InvalidOperationException($"{name} exited with {process.ExitCode}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) { await Task.Delay(100); }
        }

        throw new TimeoutException($"{name} did not start listening within 10 s");
    }
}
