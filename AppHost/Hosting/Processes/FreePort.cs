using System.Net;
using System.Net.Sockets;

namespace Platform.AppHost.Hosting.Processes;

/// <summary>Loopback ports the kernel says are free right now; the window before the child binds is short.</summary>
public static class FreePort
{
    private static readonly HashSet<int> Handed = [];

    public static int Next()
    {
        lock (Handed)
        {
            while (true)
            {
                using var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                // Never hand the same port to two resources of this process, even if the first has not bound it yet.
                if (Handed.Add(port)) return port;
            }
        }
    }
}
