using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Platform.Notifications.Delivery;

/// <summary>
/// Sends through MailKit and keeps each connection open for the next message, so a batch (and a fan-out of thousands)
/// costs a few connections' greetings, STARTTLS and authentication rather than one of each per message. A connection
/// serves one conversation at a time; one left idle longer than <see cref="MailOptions.IdleConnectionLifetime"/> is
/// closed rather than reused, since servers drop idle clients and a dead connection would cost a failed attempt.
/// </summary>
public sealed class SmtpEmailSender(SmtpServer server, IOptions<MailOptions> options, TimeProvider time) : IEmailSender, IAsyncDisposable
{
    private readonly ConcurrentBag<(SmtpClient Client, long IdleSince)> _idle = [];

    public async Task SendAsync(string to, RenderedEmail email, Action handingOver, CancellationToken cancellationToken)
    {
        using var message = Compose(to, email, options.Value);
        var gate = new EndOfDataGate(handingOver);
        while (true)
        {
            var (client, kept) = await RentAsync(cancellationToken);
            try
            {
                await client.SendAsync(message, cancellationToken, gate);
            }
            catch (SmtpCommandException) when (client.IsConnected)
            {
                // The server answered (a refused recipient or message) and MailKit reset the transaction: the connection
                // is as good as before for the next message.
                _idle.Add((client, time.GetTimestamp()));
                throw;
            }
            catch (Exception e) when (kept && !gate.HandedOver && IsConnectionGone(e))
            {
                // A kept connection the server had closed meanwhile (it restarted, or drops idle clients sooner than
                // IdleConnectionLifetime), found before the hand-over: the server has nothing of this message. That is
                // not the server failing, so it costs no retry delay and no step towards the circuit breaker: the
                // message goes on the next kept connection, or a fresh one once none are left.
                client.Dispose();
                continue;
            }
            catch
            {
                client.Dispose();
                throw;
            }

            _idle.Add((client, time.GetTimestamp()));
            return;
        }
    }

    private static bool IsConnectionGone(Exception e) =>
        e is IOException or SocketException or ServiceNotConnectedException or SmtpProtocolException;

    public static MimeMessage Compose(string to, RenderedEmail email, MailOptions settings)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = email.Subject;
        foreach (var (name, value) in email.Headers)
        {
            // Replace, not add: MimeKit gives every message a Message-Id of its own, and ours must win.
            message.Headers.Replace(name, HeaderValue(value));
        }

        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        foreach (var file in email.Attachments)
        {
            body.Attachments.Add(ToAttachment(file));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    public static MimePart ToAttachment(EmailAttachment file)
    {
        // UTF-8 and base64 whatever the text: calendar lines are folded at 75 octets and must reach the client unchanged.
        var contentType = ContentType.Parse(file.MediaType);
        contentType.Charset = "utf-8";
        return new MimePart(contentType)
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(file.Content))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = file.FileName,
        };
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var idle))
        {
            await CloseAsync(idle.Client);
        }
    }

    /// <summary>A kept connection if one is still fit (<c>Kept</c>), otherwise a fresh one.</summary>
    private async Task<(SmtpClient Client, bool Kept)> RentAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        while (_idle.TryTake(out var idle))
        {
            if (idle.Client.IsConnected && time.GetElapsedTime(idle.IdleSince) < settings.IdleConnectionLifetime)
            {
                return (idle.Client, true);
            }

            await CloseAsync(idle.Client);
        }

        var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        try
        {
            var socket = await ConnectedSocketAsync(settings, cancellationToken);
            try
            {
                await client.ConnectAsync(socket, server.Host, server.Port, settings.Security, cancellationToken);
            }
            catch
            {
                socket.Dispose(); // a greeting or TLS handshake that failed leaves the socket ours to close
                throw;
            }

            if (settings is { UserName: { Length: > 0 } userName, Password: { } password })
            {
                await client.AuthenticateAsync(userName, password, cancellationToken);
            }

            return (client, false);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The connection MailKit speaks over, without Nagle's algorithm. The end of data (".") follows the message's last
    /// bytes only after the hand-over is committed, so it goes as a small segment of its own, and Nagle's algorithm holds
    /// such a segment until the server acknowledges the one before, which a server delaying its acknowledgements does
    /// after up to 40 ms: a stall on every message.
    /// </summary>
    private async Task<Socket> ConnectedSocketAsync(MailOptions settings, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.Timeout);
            await socket.ConnectAsync(server.Host, server.Port, timeout.Token);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    // QUIT politely, but a connection that is already gone needs no goodbye.
    private static async Task CloseAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await client.DisconnectAsync(quit: true, timeout.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or MailKit.ProtocolException or System.Net.Sockets.SocketException)
        {
        }
        finally
        {
            client.Dispose();
        }
    }

    /// <summary>
    /// MailKit reports each chunk of the message as it is written, and writes the end of data (".") only after the last
    /// one: at the report that reaches the message's size the whole message is written but not yet committed, and
    /// <c>handingOver</c> runs there (synchronously: MailKit waits for it). The size is measured before dot-stuffing,
    /// so it is reached at the latest with the last chunk; a failure here drops the connection before the ".".
    /// </summary>
    private sealed class EndOfDataGate(Action handingOver) : MailKit.ITransferProgress
    {
        /// <summary>The hand-over was attempted: from here a failure may leave the message with the server.</summary>
        public bool HandedOver { get; private set; }

        public void Report(long bytesTransferred, long totalSize)
        {
            if (HandedOver || bytesTransferred < totalSize) return;
            HandedOver = true;
            handingOver();
        }

        public void Report(long bytesTransferred)
        {
            // Only without a known size, which MailKit always measures when given a progress reporter.
        }
    }

    /// <summary>Header values are built by this service from URLs and ids; refuse rather than fold anything with a line break.</summary>
    private static string HeaderValue(string value) =>
        value.AsSpan().IndexOfAny('\r', '\n') < 0 ? value : throw new ArgumentException("A mail header value contains a line break.", nameof(value));
}
