using Microsoft.Extensions.Options;
using Platform.Contracts.Events;
using Platform.Notifications.Delivery;
using Platform.Notifications.Infrastructure;
using Platform.Notifications.IntegrationEvents.Events;

namespace Platform.Notifications.Transactional;

/// <summary>
/// Turns the Events service's integration events into emails: picks the template, shows times in the office's
/// time zone, builds the manage link on the public gateway, and attaches the calendar entry.
/// </summary>
public sealed class EventsEmails(EmailTemplates templates, LocalTime localTime, IOptions<NotificationsOptions> options)
{
    public const string RegistrationConfirmedKind = "event-registration-confirmed";
    public const string WaitlistedKind = "event-waitlisted";
    public const string PlaceOfferedKind = "event-place-offered";
    public const string RegistrationCancelledKind = "event-registration-cancelled";
    public const string EventCancelledKind = "event-cancelled";
    public const string ReminderKind = "event-reminder";
    public const string EventChangedKind = "event-changed";

    public const string CalendarFileName = "event.ics";

    /// <summary>The public site's page for managing a registration (web/Pages/Registrations), never the API itself.</summary>
    public Uri ManageLink(string token) =>
        new(options.Value.PublicBaseUrl, $"registrations/{Uri.EscapeDataString(token)}");

    public RenderedEmail Confirmed(RegistrationConfirmed e) =>
        templates.Render(RegistrationConfirmedKind, new
        {
            e.Name,
            e.EventTitle,
            StartsAt = localTime.Format(e.StartsAt),
            e.CheckInCode,
            Choices = e.Choices.Select(c => new { c.Title, When = localTime.Format(c.StartsAt), c.Status }).ToList(),
            ManageLink = ManageLink(e.ManageToken).AbsoluteUri,
        }) with
        {
            Attachments = [new EmailAttachment(CalendarFileName, CalendarMediaType(e.Calendar), e.Calendar)],
        };

    public RenderedEmail Waitlisted(RegistrationWaitlisted e) =>
        templates.Render(WaitlistedKind, new { e.Name, e.EventTitle, e.SessionTitle, e.Position });

    public RenderedEmail PlaceOffered(PlaceOffered e) =>
        templates.Render(PlaceOfferedKind, new
        {
            e.Name,
            e.EventTitle,
            e.SessionTitle,
            AcceptBy = localTime.Format(e.AcceptBy),
            ManageLink = e.ManageToken is { Length: > 0 } token ? ManageLink(token).AbsoluteUri : null,
        });

    public RenderedEmail RegistrationCancelled(RegistrationCancelled e) =>
        templates.Render(RegistrationCancelledKind, new { e.Name, e.EventTitle });

    public RenderedEmail EventCancelled(EventCancellationEmailDue e) =>
        templates.Render(EventCancelledKind, new { e.Registrant.Name, EventTitle = e.Title, StartsAt = localTime.Format(e.StartsAt) }) with
        {
            // METHOD:CANCEL, so the delegate's calendar removes the entries (cancellations published before it had none).
            Attachments = e.Registrant.Calendar is { Length: > 0 } calendar
                ? [new EmailAttachment(CalendarFileName, CalendarMediaType(calendar), calendar)]
                : [],
        };

    public RenderedEmail Reminder(EventReminderEmailDue e) =>
        templates.Render(ReminderKind, new { e.Registrant.Name, EventTitle = e.Title, e.VenueName, StartsAt = localTime.Format(e.StartsAt) });

    public RenderedEmail Changed(EventChangeNoticeDue e) =>
        templates.Render(EventChangedKind, new
        {
            e.Registrant.Name,
            EventTitle = e.Title,
            Changes = e.Changes.Select(Describe).ToList(),
        }) with
        {
            Attachments = [new EmailAttachment(CalendarFileName, CalendarMediaType(e.Calendar), e.Calendar)],
        };

    private string Describe(ScheduleChange c) => (c.Aspect, c.IsWorkshop) switch
    {
        ("withdrawn", _) => $"Your workshop {c.Item} has been withdrawn; your place in it has ended.",
        ("time", false) => $"It now starts {When(c.StartsAt)} and ends {When(c.EndsAt)} (it was to start {When(c.WasStartsAt)}).",
        ("time", true) => $"Your workshop {c.Item} now runs from {When(c.StartsAt)} to {When(c.EndsAt)} (it was {When(c.WasStartsAt)}).",
        ("place", false) => $"It is now at {c.Place} (it was at {c.WasPlace}).",
        ("place", true) => $"Your workshop {c.Item} is now in {Room(c.Place)} (it was in {Room(c.WasPlace)}).",
        _ => $"{c.Item}: {c.Aspect} changed.",
    };

    private string When(DateTimeOffset? instant) => instant is { } at ? localTime.Format(at) : "";

    private static string Room(string? room) => string.IsNullOrEmpty(room) ? "the main venue" : room;

    /// <summary>
    /// RFC 6047 wants the content type's method to match the calendar's METHOD property; Events writes PUBLISH
    /// today, but follow whatever it says.
    /// </summary>
    public static string CalendarMediaType(string calendar)
    {
        var method = calendar.Split('\n')
            .Select(l => l.TrimEnd('\r'))
            .FirstOrDefault(l => l.StartsWith("METHOD:", StringComparison.OrdinalIgnoreCase))?["METHOD:".Length..].Trim();
        return $"text/calendar; method={(method is { Length: > 0 } m && m.All(char.IsAsciiLetter) ? m.ToUpperInvariant() : "PUBLISH")}";
    }
}
