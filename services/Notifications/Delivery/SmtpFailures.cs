using System.Net.Mail;
using System.Net.Sockets;

namespace Platform.Notifications.Delivery;

/// <summary>Which SMTP failures are worth retrying and which mean the address itself is refused.</summary>
public static class SmtpFailures
{
    /// <summary>A 5xx for this recipient (RCPT TO refused): retrying cannot help, and the address must be suppressed.</summary>
    public static bool IsPermanentForRecipient(Exception e) =>
        e is SmtpFailedRecipientException { StatusCode: var code } && (int)code >= 500;

    /// <summary>Any other 5xx: this message is refused (e.g. content rejected after DATA), but the address may be fine.</summary>
    public static bool IsPermanentForMessage(Exception e) =>
        e is SmtpException { StatusCode: var code } && (int)code >= 500 && !IsPermanentForRecipient(e);

    /// <summary>4xx, connection refused or reset, timeouts: the server or the network, not the address.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        SmtpException smtp when IsPermanentForRecipient(smtp) || IsPermanentForMessage(smtp) => false,
        SmtpException => true,
        SocketException or IOException or TimeoutException => true,
        _ => false,
    };
}
