using System.Net.Mail;
using System.Net.Mime;
using Microsoft.Extensions.Options;

namespace Platform.Notifications.Delivery;

/// <summary>
/// Sends through System.Net.Mail (MailKit is not available here). A client per message: SmtpClient is not
/// safe for concurrent use and consumers run concurrently.
/// </summary>
public sealed class SmtpEmailSender(SmtpServer server, IOptions<MailOptions> options) : IEmailSender
{
    public async Task SendAsync(string to, RenderedEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = new MailMessage
        {
            From = new MailAddress(settings.FromAddress, settings.FromName),
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
}
