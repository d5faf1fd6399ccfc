using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Platform.Notifications.Delivery;

/// <summary>Which SMTP failures are worth retrying and which mean the address itself is refused, by the server's status code.</summary>
public static class SmtpFailures
{
    /// <summary>A 5xx for this recipient (RCPT TO refused): retrying cannot help, and the address must be suppressed.</summary>
    public static bool IsPermanentForRecipient(Exception e) =>
        e is SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted, StatusCode: var code } && (int)code >= 500;

    /// <summary>Any other 5xx: this message is refused (e.g. sender or content rejected), but the address may be fine.</summary>
    public static bool IsPermanentForMessage(Exception e) =>
        e is SmtpCommandException { StatusCode: var code } && (int)code >= 500 && !IsPermanentForRecipient(e);

    /// <summary>
    /// 4xx, connection refused or dropped, timeouts, a failed TLS handshake or login: the server, the network or our
    /// settings, never the address; the message waits for them to be put right.
    /// </summary>
    public static bool IsTransient(Exception e) => e switch
    {
        SmtpCommandException command => (int)command.StatusCode < 500,
        SmtpProtocolException or ServiceNotConnectedException or AuthenticationException or SslHandshakeException => true,
        SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    /// <summary>The reason recorded with the delivery: the server's status code and text when it answered.</summary>
    public static string Describe(Exception e) =>
        e is SmtpCommandException command ? $"{(int)command.StatusCode} {command.Message}" : e.Message;
}
