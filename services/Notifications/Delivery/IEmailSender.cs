namespace Platform.Notifications.Delivery;

/// <summary>The one way out to a mail server; a seam so consumers can be tested without SMTP.</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends one message. <paramref name="handingOver"/> runs once the whole message is written and before the end of
    /// data that makes the server take it: after it returns the message is the server's in all but a few bytes. If it
    /// throws, the conversation is dropped unfinished and the server discards the message. It runs synchronously inside
    /// the write (MailKit's progress report), so it writes its record synchronously and does not wait there for the
    /// database's answer: the time between its record and the end of data is a window in which a killed sender loses the
    /// message, and blocking on async work would add a wait for a thread-pool thread to it.
    /// </summary>
    Task SendAsync(string to, RenderedEmail email, Action handingOver, CancellationToken cancellationToken);
}
