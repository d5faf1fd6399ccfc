namespace Platform.Notifications.Delivery;

/// <summary>
/// A text file sent with an email, e.g. an RFC 5545 calendar. <see cref="MediaType"/> is the full content type,
/// parameters included (<c>text/calendar; method=PUBLISH</c>), because calendar clients act on the method.
/// </summary>
public sealed record EmailAttachment(string FileName, string MediaType, string Content);
