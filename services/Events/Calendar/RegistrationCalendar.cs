using Ical.Net.Serialization;
using Platform.Events.Catalogue;
using Platform.Events.Registrations;

namespace Platform.Events.Calendar;

/// <summary>
/// A delegate's own calendar: the event, plus each workshop they hold a confirmed place in. UIDs derive from ids
/// that never change, so re-sending the file after a change of choices updates entries instead of duplicating them.
/// </summary>
public static class RegistrationCalendar
{
    public static string Create(PartnershipEvent e, Registration registration, string calendarDomain) =>
        Write(PublishedCalendar.Create(), e, registration, calendarDomain);

    /// <summary>
    /// The same entries as <see cref="Create"/>, cancelled, in a METHOD:CANCEL calendar (RFC 5546): what a calendar
    /// client reads as "remove these", sent when the event is called off.
    /// </summary>
    public static string Cancellation(PartnershipEvent e, Registration registration, string calendarDomain)
    {
        var calendar = PublishedCalendar.Create();
        calendar.Method = "CANCEL";
        return Write(calendar, e, registration, calendarDomain);
    }

    private static string Write(Ical.Net.Calendar calendar, PartnershipEvent e, Registration registration, string calendarDomain)
    {
        var cancelled = e.Status == EventStatus.Cancelled || registration.Status == RegistrationStatus.Cancelled;
        var stamp = e.UpdatedAt > registration.CreatedAt ? e.UpdatedAt : registration.CreatedAt;
        calendar.Events.Add(PublishedCalendar.Entry(
            $"registration-{registration.Id:N}@{calendarDomain}", stamp, e.StartsAt, e.EndsAt, e.Title,
            description: $"{e.Summary}\n\nCheck-in code: {registration.CheckInCode}".Trim(),
            location: EventCalendarFeed.Location(e), cancelled: cancelled, sequence: e.CalendarSequence));

        var sessions = e.Sessions.ToDictionary(s => s.Id);
        // A workshop the organiser withdrew stays in the file, cancelled under its UID, so the entry the delegate holds
        // for it is marked cancelled rather than left behind.
        foreach (var choice in registration.Choices.Where(c => c.Status is ChoiceStatus.Confirmed or ChoiceStatus.SessionWithdrawn).OrderBy(c => c.SessionId))
        {
            if (!sessions.TryGetValue(choice.SessionId, out var session)) continue;
            calendar.Events.Add(PublishedCalendar.Entry(
                $"registration-{registration.Id:N}-session-{session.Id:N}@{calendarDomain}", stamp, session.StartsAt, session.EndsAt,
                $"{session.Title} ({e.Title})", session.Description,
                Place(e, session), cancelled || choice.Status == ChoiceStatus.SessionWithdrawn, e.CalendarSequence));
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>Where a workshop happens as a delegate's calendar says it (and a change notice compares).</summary>
    public static string Place(PartnershipEvent e, Session session) =>
        string.IsNullOrEmpty(session.Room) ? e.Venue.Name : $"{session.Room}, {e.Venue.Name}";
}
