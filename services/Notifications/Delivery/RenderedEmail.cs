namespace Platform.Notifications.Delivery;

public sealed record RenderedEmail(string Subject, string TextBody, string HtmlBody)
{
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    /// <summary>Extra headers the sender adds (List-Unsubscribe, Message-ID). Values never contain CR or LF.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
