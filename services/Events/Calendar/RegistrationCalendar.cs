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
    public static string Create(PartnershipEvent e, Registration registration, string calendarDomain)
    {
        var cancelled = e.Status == EventStatus.Cancelled || registration.Status == RegistrationStatus.Cancelled;
        var stamp = e.UpdatedAt > registration.CreatedAt ? e.UpdatedAt : registration.CreatedAt;
        var calendar = PublishedCalendar.Create();
        calendar.Events.Add(PublishedCalendar.Entry(
            $"registration-{registration.Id:N}@{calendarDomain}", stamp, e.StartsAt, e.EndsAt, e.Title,
            description: $"{e.Summary}\n\nCheck-in code: {registration.CheckInCode}".Trim(),
            location: EventCalendarFeed.Location(e), cancelled: cancelled));

        var sessions = e.Sessions.ToDictionary(s => s.Id);
        foreach (var choice in registration.Choices.Where(c => c.Status == ChoiceStatus.Confirmed).OrderBy(c => c.SessionId))
        {
            if (!sessions.TryGetValue(choice.SessionId, out var session)) continue;
            calendar.Events.Add(PublishedCalendar.Entry(
                $"registration-{registration.Id:N}-session-{session.Id:N}@{calendarDomain}", stamp, session.StartsAt, session.EndsAt,
                $"{session.Title} ({e.Title})", session.Description,
                string.IsNullOrEmpty(session.Room) ? e.Venue.Name : $"{session.Room}, {e.Venue.Name}", cancelled));
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
