using System.Net;
using Platform.Contracts.Notifications;
using Platform.Notifications.Delivery;

namespace Platform.Notifications.Subscriptions;

/// <summary>The double opt-in email: plain text for every client, HTML for those that prefer it.</summary>
public static class ConfirmationEmail
{
    public const string Subject = "Please confirm your email updates";

    /// <summary>The site's page with a Confirm button: opening it confirms nothing (a mail scanner opens links).</summary>
    public static Uri ConfirmationLink(Uri publicBaseUrl, string token) =>
        new(publicBaseUrl, $"email-updates/confirm?token={Uri.EscapeDataString(token)}");

    public static RenderedEmail Render(SubscriptionRequested request, string token, Uri publicBaseUrl)
    {
        var link = ConfirmationLink(publicBaseUrl, token).AbsoluteUri;
        var topics = string.Join(", ", request.Topics);
        var deadline = request.ConfirmBy.UtcDateTime.ToString("d MMMM yyyy HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

        var text = $"""
            Someone, hopefully you, asked the Safer Communities Partnership to send {request.Email} email updates about: {topics} ({request.Frequency}).

            To start receiving them, open this link and press Confirm before {deadline}:
            {link}

            If you did not ask for this, ignore this email and nothing more will be sent.
            """;

        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><body>
            <p>Someone, hopefully you, asked the Safer Communities Partnership to send <strong>{Encode(request.Email)}</strong> email updates about: {Encode(topics)} ({Encode(request.Frequency)}).</p>
            <p><a href="{Encode(link)}">Confirm your email updates</a> before {Encode(deadline)}.</p>
            <p>If you did not ask for this, ignore this email and nothing more will be sent.</p>
            </body></html>
            """;

        return new RenderedEmail(Subject, text, html);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
