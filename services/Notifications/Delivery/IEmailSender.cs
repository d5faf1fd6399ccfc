namespace Platform.Notifications.Delivery;

/// <summary>The one way out to a mail server; a seam so consumers can be tested without SMTP.</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends one message. <paramref name="handingOver"/> runs once the whole message is written and before the end of
    /// data that makes the server take it: after it returns the message is the server's in all but a few bytes. If it
    /// throws, the conversation is dropped unfinished and the server discards the message.
    /// </summary>
    Task SendAsync(string to, RenderedEmail email, Func<CancellationToken, Task> handingOver, CancellationToken cancellationToken);
}
