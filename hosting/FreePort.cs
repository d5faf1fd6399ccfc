using System.Net;
using System.Net.Sockets;

namespace Platform.AppHost.Hosting.Processes;

/// <summary>
/// Loopback ports that are free now, for servers that bind them a few seconds later. They are drawn at random from
/// below the kernel's ephemeral range: a port the kernel hands out itself (port 0) can be taken in the meantime as
/// the source port of any outgoing connection, which under load made a service fail with "address in use".
/// </summary>
public static class FreePort
{
    private const int Lowest = 10000;
    private static readonly HashSet<int> Handed = [];
    private static readonly int EphemeralStart = ReadEphemeralStart();

    public static int Next()
    {
        lock (Handed)
        {
            for (var attempt = 0; attempt < 200 && EphemeralStart - Lowest > 1000; attempt++)
            {
                var port = Random.Shared.Next(Lowest, EphemeralStart);
                if (!Handed.Contains(port) && IsFree(port) && Handed.Add(port)) return port;
            }
            // No room below the ephemeral range on this machine: let the kernel choose.
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                if (Handed.Add(port)) return port;
            }
        }
    }

    /// <summary>Whether nothing listens on <paramref name="port"/> on loopback now.</summary>
    internal static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int ReadEphemeralStart()
    {
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
            return int.Parse(range[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return 32768;
        }
    }
}
