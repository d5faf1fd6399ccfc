using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.AppHost.Hosting.Resources;
using Platform.EndToEnd.Tests.Events;

using Platform.EndToEnd.Tests.Site.Events;

namespace Platform.EndToEnd.Tests.Notifications;

/// <summary>
/// Events and Notifications together: a registration made through the gateway is confirmed by an email that
/// Notifications renders from the Events service's integration event, with the calendar entry attached.
/// </summary>
public sealed partial class EventEmailTests(PlatformFixture platform)
{
    private static readonly TimeSpan MailTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_registration_through_the_gateway_is_confirmed_by_email_with_the_calendar_and_the_manage_link()
    {
        var e = await platform.PublishEventAsync(capacity: 100, workshopCapacities: [20]);
        var (eventId, title) = (e.Id, e.Title);

        var email = Addresses.Unique("Delegate");
        using var registered = await platform.Gateway.PostAsJsonAsync($"/api/events/{eventId}/registrations", new
        {
            name = "Dee Delegate",
            email,
            organisation = "Northshire Council",
            sector = "Council",
            role = "Community safety officer",
            consentToDelegateList = false,
            choices = new[] { e.Workshops[0] },
        }, Cancel);
        var body = await registered.Content.ReadAsStringAsync(Cancel);
        Assert.True(registered.StatusCode == HttpStatusCode.Created, $"register: {(int)registered.StatusCode} {body}");
        // The answer never carries the manage token: the email is its only copy.
        Assert.False(JsonDocument.Parse(body).RootElement.TryGetProperty("manageToken", out _));

        var message = await platform.App.GetMailbox("mail").WaitForAsync(m => m.IsTo(email), MailTimeout);
        var manageToken = await platform.ManageTokenFromEmailAsync(email);

        var calendar = CalendarAttachment(message);
        Assert.StartsWith("BEGIN:VCALENDAR", calendar);
        Assert.Contains(title, Unfold(calendar));
        // The link opens the site's manage page (never the API).
        Assert.Contains($"/registrations/{Uri.EscapeDataString(manageToken)}", Decoded(message));

        using var manage = await platform.Gateway.GetAsync($"/api/events/registrations/{Uri.EscapeDataString(manageToken)}", Cancel);
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
    }

    /// <summary>The body of the MIME part whose Content-Type is text/calendar, decoded from base64.</summary>
    internal static string CalendarAttachment(ReceivedMessage message)
    {
        var raw = message.Raw.Replace("\r\n", "\n");
        var match = CalendarPart().Match(raw);
        Assert.True(match.Success, "no text/calendar part in the email:\n" + raw);
        Assert.Contains("event.ics", match.Groups["headers"].Value);
        return Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(match.Groups["body"].Value, @"\s", "")));
    }

    // The text part is quoted-printable: undo soft line breaks and "=3D" before looking for a link.
    private static string Decoded(ReceivedMessage message) =>
        message.Raw.Replace("=\r\n", "").Replace("=\n", "").Replace("=3D", "=");

    // RFC 5545 folds long lines with CRLF and a space.
    private static string Unfold(string calendar) => calendar.Replace("\r\n ", "").Replace("\n ", "");

    [GeneratedRegex(@"(?<headers>Content-Type:\s*text/calendar[^\n]*\n(?:[ \t]?[^\n]+\n)*?)\n(?<body>[A-Za-z0-9+/=\n]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CalendarPart();
}
