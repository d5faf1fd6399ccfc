using System.Net.Mail;
using System.Net.Mime;
using Microsoft.Extensions.Options;

namespace Platform.Notifications.Delivery;

/// <summary>
/// Sends through System.Net.Mail (MailKit is not available here). A client per message: SmtpClient is not
/// safe for concurrent use and the sender runs several conversations at once.
/// </summary>
public sealed class SmtpEmailSender(SmtpServer server, IOptions<MailOptions> options) : IEmailSender
{
    public async Task SendAsync(string to, RenderedEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new MailMessage
        {
            From = new MailAddress(settings.FromAddress, settings.FromName),
            // MailMessage refuses CR/LF in a subject; the templates already made it one line.
            Subject = email.Subject,
            Body = email.TextBody,
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(to));
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(email.HtmlBody, null, MediaTypeNames.Text.Html));
        foreach (var file in email.Attachments)
        {
            message.Attachments.Add(ToAttachment(file));
        }

        foreach (var (name, value) in email.Headers)
        {
            message.Headers.Add(name, HeaderValue(value));
        }

        using var client = new SmtpClient(server.Host, server.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)settings.Timeout.TotalMilliseconds,
        };
        await client.SendMailAsync(message, cancellationToken);
    }

    public static Attachment ToAttachment(EmailAttachment file)
    {
        // UTF-8 and base64 whatever the text: calendar lines are folded at 75 octets and must reach the client unchanged.
        var contentType = new ContentType(file.MediaType) { CharSet = "utf-8", Name = file.FileName };
        var attachment = Attachment.CreateAttachmentFromString(file.Content, contentType);
        attachment.TransferEncoding = TransferEncoding.Base64;
        attachment.ContentDisposition!.FileName = file.FileName;
        return attachment;
    }

    /// <summary>Header values are built by this service from URLs and ids; refuse rather than fold anything with a line break.</summary>
    private static string HeaderValue(string value) =>
        value.AsSpan().IndexOfAny('\r', '\n') < 0 ? value : throw new ArgumentException("A mail header value contains a line break.", nameof(value));
}
