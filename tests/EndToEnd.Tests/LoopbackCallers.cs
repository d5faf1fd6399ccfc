using System.Net;
using System.Net.Sockets;

namespace Platform.EndToEnd.Tests;

/// <summary>
/// HTTP clients that reach the gateway from their own loopback address (127.0.x.y). The gateway limits anonymous
/// writes and logins per client IP, as it must; tests that play members of the public each take an address of their
/// own, so one test's sign-ups never spend another's allowance and the limit tests still see the real limit.
/// </summary>
internal static class LoopbackCallers
{
    private static int _next = 1;

    public static HttpClient Create(Uri baseAddress) => new(CreateHandler()) { BaseAddress = baseAddress };

    /// <summary>A handler whose connections come from the next address of its own.</summary>
    public static SocketsHttpHandler CreateHandler()
    {
        var n = Interlocked.Increment(ref _next);
        // 127.0.0.1 stays the default client's; the rest of 127.0.0.0/8 is loopback on Linux with no set-up.
        var source = new IPAddress(new byte[] { 127, 0, (byte)(n / 250 % 250 + 1), (byte)(n % 250 + 2) });
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    var host = context.DnsEndPoint.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(context.DnsEndPoint.Host);
                    await socket.ConnectAsync(new IPEndPoint(host, context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return handler;
    }
}
