namespace Platform.Notifications.Delivery;

/// <summary>The one way out to a mail server; a seam so consumers can be tested without SMTP.</summary>
public interface IEmailSender
{
    Task SendAsync(string to, RenderedEmail email, CancellationToken cancellationToken);
}
