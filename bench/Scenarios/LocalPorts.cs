using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Platform.Bench.Scenarios;

/// <summary>Free loopback ports for the yardstick proxies, and waiting until one of them listens.</summary>
internal static class LocalPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
