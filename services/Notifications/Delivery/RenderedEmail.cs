namespace Platform.Notifications.Delivery;

public sealed record RenderedEmail(string Subject, string TextBody, string HtmlBody)
{
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}
