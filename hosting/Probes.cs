using System.Net.Sockets;
using System.Text;

namespace Platform.AppHost.Hosting;

/// <summary>Cheap readiness probes that speak just enough of each protocol to know the server answers.</summary>
internal static class Probes
{
    private static readonly byte[] AmqpHeader = "AMQP\0\0\x09\x01"u8.ToArray();

    /// <summary>An AMQP 0-9-1 server answers the protocol header with a Connection.Start frame (type 1).</summary>
    public static async Task<bool> AmqpAsync(int port, CancellationToken cancellationToken)
    {
        var reply = await ExchangeAsync(port, AmqpHeader, cancellationToken);
        return reply is { Length: > 0 } && reply[0] == 1;
    }

    /// <summary>An SMTP server greets with 220 before the client says anything.</summary>
    public static async Task<bool> SmtpAsync(int port, CancellationToken cancellationToken)
    {
        var reply = await ExchangeAsync(port, null, cancellationToken);
        return reply is not null && Encoding.ASCII.GetString(reply).StartsWith("220", StringComparison.Ordinal);
    }

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    /// <summary>An HTTP GET answered 200 (ServiceDefaults' /health answers 200 for Healthy and Degraded, 503 otherwise).</summary>
    public static async Task<bool> HttpOkAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.StatusCode == System.Net.HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<byte[]?> ExchangeAsync(int port, byte[]? send, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            if (send is not null) await stream.WriteAsync(send, timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return buffer[..read];
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            if (cancellationToken.IsCancellationRequested) throw;
            return null;
        }
    }
}
